package dev.iotjobs.core;

import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.ExecutionChanges;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.JobRecord;
import io.vavr.control.Either;
import java.util.List;

/**
 * SPEC J9 after a crash: completes the SNAPSHOT jobs a store left drained but IN_PROGRESS, when the process stopped
 * between the commit that drained a job and the completion step after it ({@link
 * dev.iotjobs.spi.JobRepository#drainedJobs}). The completion is conditional, so a job that another node completed
 * meanwhile, or that got new pending work, is left as it is.
 */
final class OwedCompletions {
    private static final int BATCH = 100;

    private final EngineContext ctx;

    OwedCompletions(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** @return the jobs it asked the store to complete */
    int run() {
        List<JobRecord> drained = ctx.repository().drainedJobs(BATCH);
        for (JobRecord job : drained) {
            ctx.commits().run(() -> {
                Changeset.Builder changes = Changeset.builder();
                ExecutionChanges.completeIfDrained(changes, job, ctx.now());
                return Either.right(new Decision<>(changes.build(), null));
            });
        }
        return drained.size();
    }
}
