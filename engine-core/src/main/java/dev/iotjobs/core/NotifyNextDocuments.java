package dev.iotjobs.core;

import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.core.rules.Scope;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.JobRepository;
import java.util.Optional;

/**
 * SPEC E4: a {@link NextJobExecutionChanged} is stored without its job document (the document never changes, and the
 * outbox stays small); it gets the document and the thing's ARN when it is delivered, as a device receives them.
 */
final class NotifyNextDocuments {
    private final JobRepository repository;
    private final Scope scope;

    NotifyNextDocuments(JobRepository repository, Scope scope) {
        this.repository = repository;
        this.scope = scope;
    }

    /** @param event a stored event @return the event as subscribers receive it */
    EngineEvent delivered(EngineEvent event) {
        if (!(event instanceof NextJobExecutionChanged next) || next.execution() == null) {
            return event;
        }
        JobExecution head = next.execution();
        // A job deleted since the commit has no document left to send; a later notify-next follows its deletion.
        String document = Optional.ofNullable(head.jobId()).flatMap(repository::findJob)
                .map(JobRecord::document).orElse(null);
        return new NextJobExecutionChanged(next.thingName(), head.toBuilder()
                .thingArn(scope.thingArn(next.thingName()))
                .jobDocument(document)
                .build(), next.occurredAt());
    }
}
