package dev.iotjobs.api.event;

import dev.iotjobs.api.model.JobStatus;
import java.time.Instant;

/**
 * A job's status or its forced-cancel flag changed (COMPLETED, CANCELED, DELETION_IN_PROGRESS...).
 *
 * @param jobId the job
 * @param occurredAt when
 * @param from the status before (equal to {@code to} when only {@code forceCanceled} changed)
 * @param to the status after
 * @param forceCanceled whether a forced cancel happened
 * @param reasonCode the cancel reason, if any
 */
public record JobStatusChanged(String jobId, Instant occurredAt, JobStatus from, JobStatus to,
                               boolean forceCanceled, String reasonCode) implements JobEvent {
}
