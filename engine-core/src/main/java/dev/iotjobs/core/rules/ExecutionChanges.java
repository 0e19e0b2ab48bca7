package dev.iotjobs.core.rules;

import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.event.JobExecutionDeleted;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobCompletion;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.StatusCounts;
import java.time.Instant;

/**
 * Records execution changes in a changeset together with what always goes with them: the counter delta, the
 * event (SPEC E1, E3), what the change does to the thing's queue (E4) and, when a pending execution leaves the
 * pending set, the job's conditional completion (J8).
 */
public final class ExecutionChanges {
    private ExecutionChanges() {
    }

    /**
     * @param changes the changeset being built
     * @param execution a new execution
     */
    public static void created(Changeset.Builder changes, ExecutionRecord execution) {
        changes.insertExecution(execution)
                .addCounts(execution.jobId(), StatusCounts.ZERO.plus(execution.status(), 1))
                .event(new JobExecutionCreated(execution.jobId(), execution.thingName(),
                        execution.executionNumber(), execution.queuedAt(), execution.status(),
                        execution.versionNumber()));
        notice(changes, null, execution, execution.queuedAt(), false);
    }

    /**
     * @param changes the changeset being built
     * @param job the execution's job
     * @param before the execution as read
     * @param after its next version
     */
    public static void updated(Changeset.Builder changes, JobRecord job, ExecutionRecord before,
                               ExecutionRecord after) {
        startedHead(changes, job, before, after);
        notice(changes, before, after, after.lastUpdatedAt(), false);
    }

    /**
     * An update of the head of the thing's queue that leaves it the head (StartNext): no device notification
     * (SPEC E4), so the store need not read the thing's queue.
     *
     * @param changes the changeset being built
     * @param job the execution's job
     * @param before the execution as read: the head of its thing's queue
     * @param after its next version, still pending
     */
    public static void startedHead(Changeset.Builder changes, JobRecord job, ExecutionRecord before,
                                   ExecutionRecord after) {
        changes.updateExecution(after);
        if (before.status() != after.status()) {
            changes.addCounts(after.jobId(), Counters.move(before.status(), after.status()))
                    .event(new JobExecutionStatusChanged(after.jobId(), after.thingName(), after.executionNumber(),
                            after.lastUpdatedAt(), before.status(), after.status(), after.versionNumber()));
            if (before.isPending() && !after.isPending()) {
                completeIfDrained(changes, job, after.lastUpdatedAt());
            }
        }
    }

    /**
     * @param changes the changeset being built
     * @param job the execution's job
     * @param execution the execution as read
     * @param now the present
     */
    public static void deleted(Changeset.Builder changes, JobRecord job, ExecutionRecord execution, Instant now) {
        changes.deleteExecution(execution)
                .addCounts(execution.jobId(), StatusCounts.ZERO.plus(execution.status(), -1))
                .event(new JobExecutionDeleted(execution.jobId(), execution.thingName(),
                        execution.executionNumber(), now, execution.status(), execution.versionNumber()));
        if (execution.isPending()) {
            completeIfDrained(changes, job, now);
        }
        notice(changes, execution, null, now, job.job().status() == JobStatus.DELETION_IN_PROGRESS);
    }

    /** @param jobBeingDeleted whether the execution's job is in DELETION_IN_PROGRESS (see {@link QueueNotice}) */
    private static void notice(Changeset.Builder changes, ExecutionRecord before, ExecutionRecord after,
                               Instant at, boolean jobBeingDeleted) {
        QueueNotice notice = QueueNotice.of(before, after, at);
        if (notice != null) {
            changes.notice(jobBeingDeleted ? notice.withHeadUnknown() : notice);
        }
    }

    /**
     * SPEC J8/J9: asks the store to complete a SNAPSHOT job if this commit leaves nothing pending.
     *
     * @param changes the changeset being built
     * @param job the job as read
     * @param now the present
     */
    public static void completeIfDrained(Changeset.Builder changes, JobRecord job, Instant now) {
        if (job.job().targetSelection() == TargetSelection.SNAPSHOT && job.job().status() == JobStatus.IN_PROGRESS) {
            changes.complete(new JobCompletion(job.jobId(), now, new JobStatusChanged(job.jobId(), now,
                    JobStatus.IN_PROGRESS, JobStatus.COMPLETED, job.job().forceCanceled(), job.job().reasonCode())));
        }
    }
}
