package dev.iotjobs.core;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.core.rules.AbortRules;
import dev.iotjobs.spi.JobRecord;
import java.util.Optional;

/**
 * SPEC T6, the shell: after a terminal transition of a job with abort criteria, read its fresh counters and, when a
 * criterion is met, cancel it as CancelJob(force=false) would. Racing nodes may both cancel: the second cancel of a
 * CANCELED job changes nothing (J7).
 */
final class Aborts {
    private final EngineContext ctx;
    private final Cancellations cancellations;

    Aborts(EngineContext ctx, Cancellations cancellations) {
        this.ctx = ctx;
        this.cancellations = cancellations;
    }

    /** @param job the job as the terminal transition read it (only jobs with abort criteria cost a read) */
    void afterTerminalTransition(JobRecord job) {
        if (job.job().abortConfig() == null) {
            return;
        }
        Optional<String> comment = ctx.repository().findJob(job.jobId()).flatMap(AbortRules::triggered);
        comment.ifPresent(text -> cancellations.cancel(CancelJobRequest.builder().jobId(job.jobId())
                .reasonCode(AbortRules.REASON_CODE).comment(text).force(false).build()));
    }
}
