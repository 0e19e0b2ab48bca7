package dev.iotjobs.api.event;

import dev.iotjobs.api.model.JobExecutionStatus;
import java.time.Instant;

/**
 * An execution was deleted; it leaves the job's counters (SPEC J13).
 *
 * @param jobId the job
 * @param thingName the thing
 * @param executionNumber the execution's number
 * @param occurredAt when
 * @param status the status it had when deleted
 * @param versionNumber the version it had when deleted
 */
public record JobExecutionDeleted(String jobId, String thingName, long executionNumber, Instant occurredAt,
                                  JobExecutionStatus status, long versionNumber) implements JobEvent {
}
