package dev.iotjobs.spi;

import dev.iotjobs.api.event.JobCreated;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Records and events for repository tests, built with the API's builders. Times are whole seconds, so that every
 * store keeps them exactly.
 */
public final class RepositoryFixtures {
    /** The start of every test's timeline. */
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";

    private RepositoryFixtures() {
    }

    /** @param seconds seconds after {@link #T0} @return that instant */
    public static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** @param jobId a job @return its ARN */
    public static String jobArn(String jobId) {
        return ARN + "job/" + jobId;
    }

    /** @param thingName a thing @return its ARN */
    public static String thingArn(String thingName) {
        return ARN + "thing/" + thingName;
    }

    /** @param groupName a thing group @return its ARN */
    public static String groupArn(String groupName) {
        return ARN + "thinggroup/" + groupName;
    }

    /**
     * @param jobId the job
     * @param createdAt its creation time
     * @return an IN_PROGRESS SNAPSHOT job on thing {@code t1}, ready to change further
     */
    public static Job.Builder jobBuilder(String jobId, Instant createdAt) {
        return Job.builder()
                .jobId(jobId)
                .jobArn(jobArn(jobId))
                .status(JobStatus.IN_PROGRESS)
                .targetSelection(TargetSelection.SNAPSHOT)
                .targets(List.of(thingArn("t1")))
                .createdAt(createdAt)
                .lastUpdatedAt(createdAt);
    }

    /** @param jobId the job @return a new IN_PROGRESS SNAPSHOT job created at {@link #T0}, revision 1 */
    public static JobRecord job(String jobId) {
        return job(jobId, T0);
    }

    /** @param jobId the job @param createdAt its creation time @return a new job, revision 1 */
    public static JobRecord job(String jobId, Instant createdAt) {
        return record(jobBuilder(jobId, createdAt).build());
    }

    /** @param job the job's members @return a new job record for it: revision 1, no counts, not due */
    public static JobRecord record(Job job) {
        return new JobRecord(job, "{\"operation\":\"reboot\"}", null, List.of(), StatusCounts.ZERO, 1, null);
    }

    /** @param record a job record @param counts its counts @return the record with these counts */
    public static JobRecord withCounts(JobRecord record, StatusCounts counts) {
        return new JobRecord(record.job(), record.document(), record.documentSource(), record.tags(), counts,
                record.revision(), record.dueAt(), record.rollout(), record.documentBeforeSubstitution());
    }

    /** @param record a job record @param dueAt its due time @return the record with this due time */
    public static JobRecord withDueAt(JobRecord record, Instant dueAt) {
        return new JobRecord(record.job(), record.document(), record.documentSource(), record.tags(),
                record.counts(), record.revision(), dueAt, record.rollout(), record.documentBeforeSubstitution());
    }

    /** @param record a job record @param rollout its rollout state @return the record with this state */
    public static JobRecord withRollout(JobRecord record, RolloutState rollout) {
        return new JobRecord(record.job(), record.document(), record.documentSource(), record.tags(),
                record.counts(), record.revision(), record.dueAt(), rollout, record.documentBeforeSubstitution());
    }

    /**
     * @param remaining things held back
     * @return a rollout state in its first window, holding {@code remaining} things of target
     *     {@code thing/t1} back
     */
    public static RolloutState rollout(int remaining) {
        return new RolloutState(remaining, Map.of(thingArn("t1"), remaining), 2, 2.5, 1, 0, at(0), 2, 2, at(0));
    }

    /** @param record a job record @param revision a revision @return the record with this revision */
    public static JobRecord withRevision(JobRecord record, long revision) {
        return new JobRecord(record.job(), record.document(), record.documentSource(), record.tags(),
                record.counts(), revision, record.dueAt(), record.rollout(), record.documentBeforeSubstitution());
    }

    /**
     * @param record a job as read
     * @param change what changes in its members
     * @return its next revision, due when it was
     */
    public static JobRecord next(JobRecord record, UnaryOperator<Job.Builder> change) {
        return record.next(change.apply(record.job().toBuilder()).build(), record.dueAt());
    }

    /**
     * @param jobId the job
     * @param thingName the thing
     * @param executionNumber its number
     * @param status its status
     * @param queuedAt when it was queued
     * @return a new execution at version 1 without timers
     */
    public static ExecutionRecord execution(String jobId, String thingName, long executionNumber,
                                            JobExecutionStatus status, Instant queuedAt) {
        Instant startedAt = status == JobExecutionStatus.QUEUED ? null : queuedAt;
        return new ExecutionRecord(jobId, thingName, executionNumber, status, false, Map.of(), queuedAt, startedAt,
                queuedAt, 1, 0, null, null, RetriesUsed.NONE);
    }

    /** @param e an execution as read @param status its next status @return its next version */
    public static ExecutionRecord next(ExecutionRecord e, JobExecutionStatus status) {
        return next(e, status, e.statusDetails());
    }

    /**
     * @param e an execution as read
     * @param status its next status
     * @param statusDetails its next details
     * @return its next version
     */
    public static ExecutionRecord next(ExecutionRecord e, JobExecutionStatus status,
                                       Map<String, String> statusDetails) {
        return new ExecutionRecord(e.jobId(), e.thingName(), e.executionNumber(), status, e.forceCanceled(),
                statusDetails, e.queuedAt(), e.startedAt(), e.lastUpdatedAt(), e.versionNumber() + 1,
                e.retryAttempt(), e.stepTimeoutAt(), e.inProgressTimeoutAt(), e.retriesUsed());
    }

    /**
     * @param e an execution
     * @param stepTimeoutAt the step timer, or null
     * @param inProgressTimeoutAt the in-progress timer, or null
     * @return the same version with these timers
     */
    public static ExecutionRecord withTimers(ExecutionRecord e, Instant stepTimeoutAt, Instant inProgressTimeoutAt) {
        return new ExecutionRecord(e.jobId(), e.thingName(), e.executionNumber(), e.status(), e.forceCanceled(),
                e.statusDetails(), e.queuedAt(), e.startedAt(), e.lastUpdatedAt(), e.versionNumber(),
                e.retryAttempt(), stepTimeoutAt, inProgressTimeoutAt, e.retriesUsed());
    }

    /** @param name the thing @return a new thing, version 1 */
    public static ThingRecord thing(String name) {
        return new ThingRecord(name, thingArn(name), "id-" + name, null, Map.of("k", "v"), 1);
    }

    /** @param name the group @param parent its parent, or null @return a new group, version 1 */
    public static ThingGroupRecord group(String name, String parent) {
        return new ThingGroupRecord(name, groupArn(name), "gid-" + name, parent, "group " + name, Map.of(), 1, T0);
    }

    /** @param status a status @param n how many @return counts (or a delta) of n in that status */
    public static StatusCounts counts(JobExecutionStatus status, int n) {
        return StatusCounts.ZERO.plus(status, n);
    }

    /** @param from a status @param to another @return the delta of one execution moving between them */
    public static StatusCounts move(JobExecutionStatus from, JobExecutionStatus to) {
        return StatusCounts.ZERO.plus(from, -1).plus(to, 1);
    }

    /** @param jobId the job @param at when @return its conditional completion with its event */
    public static JobCompletion completion(String jobId, Instant at) {
        return new JobCompletion(jobId, at,
                new JobStatusChanged(jobId, at, JobStatus.IN_PROGRESS, JobStatus.COMPLETED, false, null));
    }

    /** @param jobId the job @return a creation event */
    public static JobCreated created(String jobId) {
        return new JobCreated(jobId, T0, jobArn(jobId), TargetSelection.SNAPSHOT, JobStatus.IN_PROGRESS);
    }

    /** @param before an execution as read @param after its next version @return the event of the move */
    public static JobExecutionStatusChanged statusChanged(ExecutionRecord before, ExecutionRecord after) {
        return new JobExecutionStatusChanged(after.jobId(), after.thingName(), after.executionNumber(),
                after.lastUpdatedAt(), before.status(), after.status(), after.versionNumber());
    }
}
