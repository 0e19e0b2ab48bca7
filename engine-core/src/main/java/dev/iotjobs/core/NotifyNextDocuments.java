package dev.iotjobs.core;

import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.core.rules.Scope;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.JobRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC E4: a {@link NextJobExecutionChanged} is stored without its job document (the document never changes, and the
 * outbox stays small); it gets the document and the thing's ARN when it is delivered, as a device receives them,
 * with its presigned URLs freshly signed (SPEC J16).
 */
final class NotifyNextDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyNextDocuments.class);
    private final JobRepository repository;
    private final Scope scope;
    private final PresignedUrlSigner signer;

    NotifyNextDocuments(JobRepository repository, Scope scope, PresignedUrlSigner signer) {
        this.repository = repository;
        this.scope = scope;
        this.signer = signer;
    }

    /** @param event a stored event @return the event as subscribers receive it */
    EngineEvent delivered(EngineEvent event) {
        if (!(event instanceof NextJobExecutionChanged next) || next.execution() == null) {
            return event;
        }
        JobExecution head = next.execution();
        // A job deleted since the commit has no document left to send; a later notify-next follows its deletion.
        String document = Optional.ofNullable(head.jobId()).flatMap(repository::findJob)
                .map(this::documentFor).orElse(null);
        return new NextJobExecutionChanged(next.thingName(), head.toBuilder()
                .thingArn(scope.thingArn(next.thingName()))
                .jobDocument(document)
                .build(), next.occurredAt());
    }

    /**
     * A signer that fails must not stop the relay (every later event waits behind this one): the notify-next goes
     * without its document, which the device then reads with DescribeJobExecution.
     */
    private String documentFor(JobRecord job) {
        try {
            return DeviceDocuments.render(job.job(), job.document(), signer);
        } catch (ServiceUnavailableException e) {
            LOG.warn("notify-next of job {} goes without its document: {}", job.jobId(), e.getMessage(), e);
            return null;
        }
    }
}
