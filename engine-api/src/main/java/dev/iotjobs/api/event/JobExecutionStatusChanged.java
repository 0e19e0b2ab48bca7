package dev.iotjobs.api.event;

import dev.iotjobs.api.model.JobExecutionStatus;
import java.time.Instant;

/**
 * An execution moved from one status to another (by its device or by the engine).
 *
 * @param jobId the job
 * @param thingName the thing
 * @param executionNumber the execution's number
 * @param occurredAt when
 * @param from the status before
 * @param to the status after
 * @param versionNumber the execution's version after the change
 */
public record JobExecutionStatusChanged(String jobId, String thingName, long executionNumber, Instant occurredAt,
                                        JobExecutionStatus from, JobExecutionStatus to, long versionNumber)
        implements JobEvent {
}
