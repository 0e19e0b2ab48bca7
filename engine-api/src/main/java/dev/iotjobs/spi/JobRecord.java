package dev.iotjobs.spi;

import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.Values;
import java.time.Instant;
import java.util.List;

/**
 * A stored job.
 *
 * <p>Stores keep {@code counts} themselves: on insert they take it as given, on update they ignore it and keep
 * their own, which moves only by {@link Changeset#counterDeltas()}. {@code job.jobProcessDetails()} is not stored;
 * the engine derives it from {@code counts}.
 *
 * @param job the job's members as the API shows them
 * @param document the job document, or null when it comes from {@code documentSource}
 * @param documentSource the document's source, or null
 * @param tags the tags given at creation
 * @param counts the executions by status, as read
 * @param revision the optimistic-concurrency revision: 1 on insert, +1 on every update
 * @param dueAt when time-driven work is due on this job (deletion cascade, schedule, rollout), or null
 * @param rollout where its gradual rollout stands, or null when it has none (SPEC T7)
 * @param documentBeforeSubstitution the managed template's document before its {@code documentParameters} were
 *     substituted, or null when the job was not made from a managed template (SPEC J15)
 * @param expansion the group targets it still has to expand, or null when it owes none (SPEC C4); only an
 *     IN_PROGRESS job owes one
 */
public record JobRecord(Job job, String document, String documentSource, List<Tag> tags, StatusCounts counts,
                        long revision, Instant dueAt, RolloutState rollout, String documentBeforeSubstitution,
                        TargetExpansion expansion) {
    /** Normalizes absent values. */
    public JobRecord {
        tags = Values.list(tags);
        counts = counts == null ? StatusCounts.ZERO : counts;
    }

    /**
     * A job that owes no target expansion.
     *
     * @param job the job's members
     * @param document the job document, or null
     * @param documentSource the document's source, or null
     * @param tags the tags
     * @param counts the executions by status
     * @param revision the revision
     * @param dueAt when time-driven work is due, or null
     * @param rollout where its gradual rollout stands, or null
     * @param documentBeforeSubstitution the managed template's document before substitution, or null
     */
    public JobRecord(Job job, String document, String documentSource, List<Tag> tags, StatusCounts counts,
                     long revision, Instant dueAt, RolloutState rollout, String documentBeforeSubstitution) {
        this(job, document, documentSource, tags, counts, revision, dueAt, rollout, documentBeforeSubstitution, null);
    }

    /**
     * A job not made from a managed template.
     *
     * @param job the job's members
     * @param document the job document, or null
     * @param documentSource the document's source, or null
     * @param tags the tags
     * @param counts the executions by status
     * @param revision the revision
     * @param dueAt when time-driven work is due, or null
     * @param rollout where its gradual rollout stands, or null
     */
    public JobRecord(Job job, String document, String documentSource, List<Tag> tags, StatusCounts counts,
                     long revision, Instant dueAt, RolloutState rollout) {
        this(job, document, documentSource, tags, counts, revision, dueAt, rollout, null);
    }

    /**
     * A job without a gradual rollout.
     *
     * @param job the job's members
     * @param document the job document, or null
     * @param documentSource the document's source, or null
     * @param tags the tags
     * @param counts the executions by status
     * @param revision the revision
     * @param dueAt when time-driven work is due, or null
     */
    public JobRecord(Job job, String document, String documentSource, List<Tag> tags, StatusCounts counts,
                     long revision, Instant dueAt) {
        this(job, document, documentSource, tags, counts, revision, dueAt, null, null);
    }

    /**
     * @param before the managed template's document before substitution, or null
     * @return this record with that document before substitution (SPEC J15)
     */
    public JobRecord withDocumentBeforeSubstitution(String before) {
        return new JobRecord(job, document, documentSource, tags, counts, revision, dueAt, rollout, before,
                expansion);
    }

    /**
     * @param now the counts as read now
     * @return this record with those counts (the other members move only with the revision)
     */
    public JobRecord withCounts(StatusCounts now) {
        return new JobRecord(job, document, documentSource, tags, now, revision, dueAt, rollout,
                documentBeforeSubstitution, expansion);
    }

    /**
     * @param owed the group targets still to expand, or null
     * @return this record owing that expansion (SPEC C4)
     */
    public JobRecord withExpansion(TargetExpansion owed) {
        return new JobRecord(job, document, documentSource, tags, counts, revision, dueAt, rollout,
                documentBeforeSubstitution, owed);
    }

    /**
     * SPEC J8, C4: whether the job may still get executions it does not have yet: things its rollout holds back, or
     * group members its expansion has not reached.
     *
     * @return whether it holds targets back
     */
    public boolean holdsTargets() {
        return heldBack() > 0 || expansion != null;
    }

    /** @return how many things are held back by the rollout (0 without one) */
    public int heldBack() {
        return rollout == null ? 0 : rollout.remaining();
    }

    /** @return the job's id */
    public String jobId() {
        return job.jobId();
    }

    /**
     * @param next the job's new members
     * @param nextDueAt the new due time, or null
     * @return this record updated for the next revision; a job that is no longer IN_PROGRESS (canceled, deleted)
     *     owes no expansion any more
     */
    public JobRecord next(Job next, Instant nextDueAt) {
        return next(next, nextDueAt, rollout);
    }

    /**
     * @param next the job's new members
     * @param nextDueAt the new due time, or null
     * @param nextRollout the new rollout state, or null
     * @return this record updated for the next revision; a job that is no longer IN_PROGRESS (canceled, deleted)
     *     owes no expansion any more
     */
    public JobRecord next(Job next, Instant nextDueAt, RolloutState nextRollout) {
        return new JobRecord(next, document, documentSource, tags, counts, revision + 1, nextDueAt, nextRollout,
                documentBeforeSubstitution, next.status() == JobStatus.IN_PROGRESS ? expansion : null);
    }
}
