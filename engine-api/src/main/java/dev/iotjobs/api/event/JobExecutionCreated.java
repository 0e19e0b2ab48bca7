package dev.iotjobs.api.event;

import dev.iotjobs.api.model.JobExecutionStatus;
import java.time.Instant;

/**
 * An execution was created (rolled out, or queued again as a retry).
 *
 * @param jobId the job
 * @param thingName the thing
 * @param executionNumber the execution's number
 * @param occurredAt when
 * @param status its first status (QUEUED)
 * @param versionNumber its first version (1)
 */
public record JobExecutionCreated(String jobId, String thingName, long executionNumber, Instant occurredAt,
                                  JobExecutionStatus status, long versionNumber) implements JobEvent {
}
