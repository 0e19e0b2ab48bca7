package dev.iotjobs.api.event;

import dev.iotjobs.api.model.JobExecutionSummary;
import java.time.Instant;
import java.util.List;

/**
 * An execution entered or left the thing's pending set (created, also by a retry or a group join; ended, removed,
 * canceled or deleted): the {@code notify} message (SPEC E4). Not emitted when a pending execution only goes from
 * QUEUED to IN_PROGRESS or updates its details.
 *
 * @param thingName the thing
 * @param inProgressJobs its IN_PROGRESS executions after the commit, in queue order (SPEC X11), as
 *     GetPendingJobExecutions summarizes them
 * @param queuedJobs its QUEUED executions after the commit, in queue order; with {@code inProgressJobs} at most
 *     {@code maxPendingReturned} (10) in all, IN_PROGRESS first
 * @param occurredAt when
 */
public record PendingJobExecutionsChanged(String thingName, List<JobExecutionSummary> inProgressJobs,
                                          List<JobExecutionSummary> queuedJobs, Instant occurredAt)
        implements ThingEvent {
    /** Copies the lists; absent lists are empty. */
    public PendingJobExecutionsChanged {
        inProgressJobs = inProgressJobs == null ? List.of() : List.copyOf(inProgressJobs);
        queuedJobs = queuedJobs == null ? List.of() : List.copyOf(queuedJobs);
    }
}
