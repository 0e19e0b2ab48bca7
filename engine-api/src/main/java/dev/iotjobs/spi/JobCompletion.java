package dev.iotjobs.spi;

import dev.iotjobs.api.event.JobStatusChanged;
import java.time.Instant;

/**
 * A conditional completion, evaluated by the store after the changeset's counter deltas: if the job is then
 * IN_PROGRESS, SNAPSHOT, has no QUEUED or IN_PROGRESS execution, and holds no target back
 * ({@link JobRecord#holdsTargets()} is false: nothing held back for its rollout, no group expansion owed), the store
 * sets its status to COMPLETED,
 * {@code completedAt} and {@code lastUpdatedAt} to {@code at}, its revision +1, and appends {@code event}.
 * Evaluated with the counts of every commit up to and including this one: inside the commit, or (a store that
 * does not lock the job's row for a device's commit) in a step of its own right after it, caught by
 * {@link JobRepository#drainedJobs} if the process stops in between; either way a job completes exactly once
 * however many nodes finish its last executions at the same time (SPEC J9).
 *
 * @param jobId the job
 * @param at the completion time
 * @param event the event to append when the completion fires
 */
public record JobCompletion(String jobId, Instant at, JobStatusChanged event) {
}
