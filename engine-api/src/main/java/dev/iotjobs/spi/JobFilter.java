package dev.iotjobs.spi;

import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;

/**
 * Which jobs {@link JobRepository#listJobs} returns; null members do not filter.
 *
 * @param status only jobs in this status
 * @param targetSelection only jobs with this target selection
 * @param targetArn only jobs whose targets include this exact ARN (a thing group's ARN)
 */
public record JobFilter(JobStatus status, TargetSelection targetSelection, String targetArn) {
    /** No filter. */
    public static final JobFilter ALL = new JobFilter(null, null, null);
}
