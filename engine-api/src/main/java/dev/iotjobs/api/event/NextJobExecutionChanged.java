package dev.iotjobs.api.event;

import dev.iotjobs.api.model.JobExecution;
import java.time.Instant;

/**
 * The head of the thing's queue changed identity (another execution, or none): the {@code notify-next} message
 * (SPEC E4). Not emitted when the head only goes from QUEUED to IN_PROGRESS.
 *
 * @param thingName the thing
 * @param execution the new head as the data plane shows it, with its job document (presigned URLs freshly
 *     signed, SPEC J16), or null when the queue became empty
 * @param occurredAt when
 */
public record NextJobExecutionChanged(String thingName, JobExecution execution, Instant occurredAt)
        implements ThingEvent {
}
