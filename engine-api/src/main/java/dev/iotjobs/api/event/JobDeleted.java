package dev.iotjobs.api.event;

import java.time.Instant;

/**
 * A job's deletion finished: the job and all its executions are gone.
 *
 * @param jobId the job
 * @param occurredAt when
 */
public record JobDeleted(String jobId, Instant occurredAt) implements JobEvent {
}
