package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import java.time.Instant;

/** SPEC T5: a FAILED or TIMED_OUT execution is queued again while the thing has retries of that type left. */
public final class Retries {
    private Retries() {
    }

    /**
     * @param job the execution's job
     * @param status the status an execution is ending with
     * @return how many retries of that ending the thing gets: its type's criterion, else ALL's; 0 when the status is
     *     not retried or the job is not IN_PROGRESS (the engine then needs no count of earlier endings)
     */
    public static int allowance(JobRecord job, JobExecutionStatus status) {
        RetryableFailureType type = failureType(status);
        if (type == null || job.job().status() != JobStatus.IN_PROGRESS) {
            return 0;
        }
        return JobRules.allowance(job.job().jobExecutionsRetryConfig(), type);
    }

    /**
     * Queues the retry, if one is due, in the same changeset as the ending it answers.
     *
     * @param changes the changeset that ends the execution
     * @param job the execution's job, as read
     * @param ended the execution's ending version (FAILED or TIMED_OUT)
     * @param earlierOfType how many earlier executions of the job on the thing ended with that status
     * @param now the present
     */
    public static void retryIfAllowed(Changeset.Builder changes, JobRecord job, ExecutionRecord ended,
                                      int earlierOfType, Instant now) {
        if (earlierOfType < allowance(job, ended.status())) {
            ExecutionChanges.created(changes, ExecutionRules.queued(ended.jobId(), ended.thingName(),
                    ended.executionNumber() + 1, ended.retryAttempt() + 1, now));
        }
    }

    private static RetryableFailureType failureType(JobExecutionStatus status) {
        return switch (status) {
            case FAILED -> RetryableFailureType.FAILED;
            case TIMED_OUT -> RetryableFailureType.TIMED_OUT;
            default -> null;
        };
    }
}
