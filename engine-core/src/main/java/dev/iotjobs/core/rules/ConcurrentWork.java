package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.JobSummary;
import dev.iotjobs.spi.JobRecord;

/**
 * SPEC T7, C4: {@code isConcurrent}, true while work on many of the job's executions is under way in batches: its
 * rollout or group expansion (executions still to create), its cancel (executions still to cancel) or its deletion
 * (executions still to delete).
 */
public final class ConcurrentWork {
    private ConcurrentWork() {
    }

    /** @param job a stored job @return whether batched work on its executions is under way */
    public static boolean isConcurrent(JobRecord job) {
        return Views.isConcurrent(job) || CancelSteps.isUnderWay(job)
                || job.job().status() == JobStatus.DELETION_IN_PROGRESS;
    }

    /** @param job a stored job @return the job as DescribeJob shows it */
    public static Job job(JobRecord job) {
        return Views.job(job).toBuilder().isConcurrent(isConcurrent(job)).build();
    }

    /** @param job a stored job @return the job as ListJobs shows it */
    public static JobSummary summary(JobRecord job) {
        return Views.summary(job).toBuilder().isConcurrent(isConcurrent(job)).build();
    }
}
