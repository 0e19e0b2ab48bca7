package dev.iotjobs.core;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.core.rules.MembershipRules;
import dev.iotjobs.core.rules.Retries;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobRecord;
import java.util.List;

/**
 * SPEC T5, G7, the shell: an execution carries the retries its chain used ({@link ExecutionRecord#retriesUsed()}),
 * so deciding a FAILED or TIMED_OUT ending reads nothing more. Only a retry written without them (by a store row or
 * an engine node of an earlier version) costs one listing of its chain, before the decision, and only when the job
 * would retry that ending; the retry it queues carries them again.
 */
final class RetryChains {
    private final EngineContext ctx;

    RetryChains(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param job the execution's job, as read
     * @param ending a pending execution, as read
     * @param status the status it is about to end with
     * @return the execution, carrying the retries its chain used whenever the decision needs them
     */
    ExecutionRecord withRetriesUsed(JobRecord job, ExecutionRecord ending, JobExecutionStatus status) {
        if (!Retries.needsRetriesUsed(job, ending, status)) {
            return ending;
        }
        long from = MembershipRules.chainStart(ending);
        int earlier = (int) Math.max(1, ending.executionNumber() - from);
        List<ExecutionRecord> chain = ctx.repository().listExecutionsForJob(job.jobId(), null,
                new JobExecutionsKey(ending.thingName(), from - 1), earlier).items();
        return ending.withRetriesUsed(Retries.used(ending, chain));
    }
}
