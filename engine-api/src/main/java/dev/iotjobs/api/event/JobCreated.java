package dev.iotjobs.api.event;

import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import java.time.Instant;

/**
 * A job was created.
 *
 * @param jobId the job
 * @param occurredAt when
 * @param jobArn the job's ARN
 * @param targetSelection SNAPSHOT or CONTINUOUS
 * @param status the job's first status
 */
public record JobCreated(String jobId, Instant occurredAt, String jobArn, TargetSelection targetSelection,
                         JobStatus status) implements JobEvent {
}
