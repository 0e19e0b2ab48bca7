package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RetriesUsed;
import java.time.Instant;
import java.util.List;

/** SPEC T5: a FAILED or TIMED_OUT execution is queued again while the thing has retries of that type left. */
public final class Retries {
    private Retries() {
    }

    /**
     * @param job the execution's job
     * @param status the status an execution is ending with
     * @return how many retries of that ending the thing gets: its type's criterion, else ALL's; 0 when the status is
     *     not retried or the job is not IN_PROGRESS (the decision then needs no retries used)
     */
    public static int allowance(JobRecord job, JobExecutionStatus status) {
        RetryableFailureType type = failureType(status);
        if (type == null || job.job().status() != JobStatus.IN_PROGRESS) {
            return 0;
        }
        return JobRules.allowance(job.job().jobExecutionsRetryConfig(), type);
    }

    /**
     * Queues the retry, if one is due, in the same changeset as the ending it answers: the retry carries the chain's
     * retries used, one more of the ending's type.
     *
     * @param changes the changeset that ends the execution
     * @param job the execution's job, as read
     * @param ended the execution's ending version (FAILED or TIMED_OUT), carrying the retries its chain used before
     *     it whenever the job retries that ending
     * @param now the present
     * @throws IllegalArgumentException if the job retries the ending and the retries used are unknown (the engine
     *     reads them before it decides: {@link #needsRetriesUsed})
     */
    public static void retryIfAllowed(Changeset.Builder changes, JobRecord job, ExecutionRecord ended, Instant now) {
        int allowed = allowance(job, ended.status());
        if (allowed == 0) {
            return;
        }
        RetriesUsed used = ended.retriesUsed();
        if (used == null) {
            throw new IllegalArgumentException("the retries used before execution " + ended.executionNumber()
                    + " of job " + ended.jobId() + " on thing " + ended.thingName() + " are unknown");
        }
        if (used.of(ended.status()) < allowed) {
            ExecutionChanges.created(changes, ExecutionRules.queued(ended.jobId(), ended.thingName(),
                    ended.executionNumber() + 1, ended.retryAttempt() + 1, used.after(ended.status()), now));
        }
    }

    /**
     * @param job the execution's job
     * @param ending a pending execution about to end
     * @param status the status it ends with
     * @return whether deciding that ending needs the retries used of its chain and the execution does not carry
     *     them (a retry written by a store or node that did not know them): the engine then counts them from the
     *     chain's executions ({@link #used}) before it decides
     */
    public static boolean needsRetriesUsed(JobRecord job, ExecutionRecord ending, JobExecutionStatus status) {
        return ending.retriesUsed() == null && allowance(job, status) > 0;
    }

    /**
     * SPEC T5, G7: the retries an execution's chain used before it, counted from the chain's earlier executions
     * (those of its job and thing from {@link MembershipRules#chainStart} on, below its own number).
     *
     * @param ending the execution
     * @param executions executions of its job; others than its chain's earlier ones are left out
     * @return the retries used
     */
    public static RetriesUsed used(ExecutionRecord ending, List<ExecutionRecord> executions) {
        long from = MembershipRules.chainStart(ending);
        int failed = 0;
        int timedOut = 0;
        for (ExecutionRecord e : executions) {
            if (e.jobId().equals(ending.jobId()) && e.thingName().equals(ending.thingName())
                    && e.executionNumber() >= from && e.executionNumber() < ending.executionNumber()) {
                failed += e.status() == JobExecutionStatus.FAILED ? 1 : 0;
                timedOut += e.status() == JobExecutionStatus.TIMED_OUT ? 1 : 0;
            }
        }
        return new RetriesUsed(failed, timedOut);
    }

    private static RetryableFailureType failureType(JobExecutionStatus status) {
        return switch (status) {
            case FAILED -> RetryableFailureType.FAILED;
            case TIMED_OUT -> RetryableFailureType.TIMED_OUT;
            default -> null;
        };
    }
}
