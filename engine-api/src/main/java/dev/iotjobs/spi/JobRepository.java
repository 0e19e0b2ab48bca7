package dev.iotjobs.spi;

import dev.iotjobs.api.model.JobExecutionStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The persistence SPI. A repository holds no rules: it answers indexed queries and applies a {@link Changeset}
 * atomically with optimistic concurrency. Implementations are thread-safe; reads see only committed changesets,
 * whole. Every query is bounded by an index: none scans the whole store.
 *
 * <p>A store that cannot reach its database throws
 * {@link dev.iotjobs.api.error.ServiceUnavailableException} with the cause, having applied nothing.
 */
public interface JobRepository {

    /** @param jobId the job @return the job, if it exists (also in DELETION_IN_PROGRESS) */
    Optional<JobRecord> findJob(String jobId);

    /**
     * @param jobId the job
     * @param thingName the thing
     * @param executionNumber the execution's number, or null for the latest (highest) one
     * @return the execution, if it exists
     */
    Optional<ExecutionRecord> findExecution(String jobId, String thingName, Long executionNumber);

    /**
     * A device's UpdateJobExecution reads: the job and the thing's latest execution of it, in one read where the
     * store can. The default reads them one after the other.
     *
     * @param jobId the job
     * @param thingName the thing
     * @return the job with the thing's latest (highest-numbered) execution of it, or with none; empty if the job does
     *     not exist
     */
    default Optional<JobAndExecution> findJobAndExecution(String jobId, String thingName) {
        return findJob(jobId).map(job -> new JobAndExecution(job, findExecution(jobId, thingName, null)
                .orElse(null)));
    }

    /**
     * A device's StartNext reads: the head of the thing's {@link #pendingExecutions pending queue} with its job, in
     * one read where the store can. The default reads the head, then its job.
     *
     * @param thingName the thing
     * @return the head and its job; empty if nothing is pending
     * @throws StaleStateException if the head's job went away between two reads (the caller decides again)
     */
    default Optional<JobAndExecution> headOfQueue(String thingName) {
        List<ExecutionRecord> head = pendingExecutions(thingName, 1);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        JobRecord job = findJob(head.get(0).jobId()).orElseThrow(() -> new StaleStateException("job "
                + head.get(0).jobId() + " of the head of " + thingName + "'s queue is gone"));
        return Optional.of(new JobAndExecution(job, head.get(0)));
    }

    /**
     * The thing's pending queue: IN_PROGRESS executions first, then QUEUED; each by {@code queuedAt}, then
     * {@code jobId}. Executions of jobs in DELETION_IN_PROGRESS are left out.
     *
     * @param thingName the thing
     * @param limit at most this many
     * @return the head of the queue, in order
     */
    List<ExecutionRecord> pendingExecutions(String thingName, int limit);

    /**
     * @param filter which jobs
     * @param after the key of the last job of the previous page, or null for the first page
     * @param limit the page size
     * @return jobs ordered by {@code createdAt}, then {@code jobId}
     */
    Page<JobRecord> listJobs(JobFilter filter, JobListKey after, int limit);

    /**
     * @param jobId the job
     * @param status only executions in this status, or null for all
     * @param after the key of the last execution of the previous page, or null for the first page
     * @param limit the page size
     * @return the job's executions (every execution number) ordered by {@code thingName}, then
     *     {@code executionNumber}
     */
    Page<ExecutionRecord> listExecutionsForJob(String jobId, JobExecutionStatus status, JobExecutionsKey after,
                                               int limit);

    /**
     * @param thingName the thing
     * @param status only executions in this status, or null for all
     * @param jobId only executions of this job, or null for all
     * @param after the key of the last execution of the previous page, or null for the first page
     * @param limit the page size
     * @return the thing's executions ordered by {@code queuedAt}, {@code jobId}, then {@code executionNumber}
     */
    Page<ExecutionRecord> listExecutionsForThing(String thingName, JobExecutionStatus status, String jobId,
                                                 ThingExecutionsKey after, int limit);

    /**
     * @param now the present
     * @param limit at most this many
     * @return pending executions whose {@link ExecutionRecord#deadline()} is at or before {@code now},
     *     earliest first
     */
    List<ExecutionRecord> executionsDueBy(Instant now, int limit);

    /**
     * @param now the present
     * @param limit at most this many
     * @return jobs whose {@link JobRecord#dueAt()} is at or before {@code now}, earliest first
     */
    List<JobRecord> jobsDueBy(Instant now, int limit);

    /**
     * SPEC J9 after a crash: a store may run a {@link Changeset#completions() completion} in its own step right
     * after the commit that drained the job, rather than inside that commit (so that devices of one job need not
     * lock its row). A process that stops between the two leaves the job drained but IN_PROGRESS; the engine's due
     * work completes the jobs this returns. A store that completes inside the commit returns none.
     *
     * @param limit at most this many
     * @return IN_PROGRESS SNAPSHOT jobs with no QUEUED or IN_PROGRESS execution and nothing held back for their
     *     rollout, by {@code createdAt}, then {@code jobId}
     */
    default List<JobRecord> drainedJobs(int limit) {
        return List.of();
    }

    /**
     * @param jobId the job
     * @param limit at most this many
     * @return the things the job still holds back for its rollout (SPEC T7), in thing-name order
     */
    List<RolloutTarget> rolloutTargets(String jobId, int limit);

    /**
     * @param jobId the job
     * @param thingNames things
     * @return those of the things the job holds back for its rollout, in thing-name order
     */
    List<RolloutTarget> rolloutTargets(String jobId, Collection<String> thingNames);

    /** @param thingName the thing @return the thing, if it exists */
    Optional<ThingRecord> findThing(String thingName);

    /**
     * @param thingNames things
     * @return the names of those that exist, in name order (one query for a rollout window's batch)
     */
    List<String> existingThings(Collection<String> thingNames);

    /** @param thingGroupName the group @return the group, if it exists */
    Optional<ThingGroupRecord> findThingGroup(String thingGroupName);

    /** @param thingGroupId the group's id @return the group, if it exists */
    Optional<ThingGroupRecord> findThingGroupById(String thingGroupId);

    /** @param thingGroupName the group @return the names of its direct child groups, in name order */
    List<String> childGroups(String thingGroupName);

    /**
     * @param thingGroupNames groups
     * @param afterThingName the last thing of the previous page, or null for the first page
     * @param limit the page size
     * @return the distinct things that belong directly to any of the groups, in name order
     */
    Page<String> thingsInGroups(Collection<String> thingGroupNames, String afterThingName, int limit);

    /** @param thingName the thing @return the groups it belongs to directly, in name order */
    List<String> groupsOfThing(String thingName);

    /** @param jobTemplateId the custom job template @return the template, if it exists (SPEC J14) */
    Optional<JobTemplateRecord> findJobTemplate(String jobTemplateId);

    /**
     * @param after the key of the last template of the previous page, or null for the first page
     * @param limit the page size
     * @return custom job templates ordered by {@code createdAt}, then {@code jobTemplateId} (SPEC J14)
     */
    Page<JobTemplateRecord> listJobTemplates(JobTemplateListKey after, int limit);

    /**
     * SPEC G6: things in name order, keyset-paginated on the name, each query bounded by an index (the names, a
     * type's things, an attribute's values).
     *
     * @param filter which things
     * @param afterThingName the last thing of the previous page, or null for the first page
     * @param limit the page size
     * @return the things the filter keeps, in name order
     */
    Page<ThingRecord> listThings(ThingFilter filter, String afterThingName, int limit);

    /**
     * SPEC G6: thing groups in name order, keyset-paginated on the name (the names, a parent's children, the
     * root groups: each an index range).
     *
     * @param filter which groups
     * @param afterGroupName the last group of the previous page, or null for the first page
     * @param limit the page size
     * @return the groups the filter keeps, in name order
     */
    Page<ThingGroupRecord> listThingGroups(ThingGroupFilter filter, String afterGroupName, int limit);

    /**
     * The live continuous jobs that a membership change of a group acts on (SPEC G2, G3), found through the index of
     * job targets, never by scanning jobs.
     *
     * @param targetArns target ARNs (a group's and its ancestors')
     * @return the CONTINUOUS jobs in IN_PROGRESS or SCHEDULED whose targets include any of them, each once, by
     *     {@code createdAt}, then {@code jobId}
     */
    List<JobRecord> continuousJobsTargeting(Collection<String> targetArns);

    /**
     * The membership revisions of groups: 0 for a group whose membership never changed, then +1 with every
     * {@link Changeset#groupMembershipChecks()} and {@link Changeset#groupMembershipMoves()} entry that names it
     * (SPEC G2, G3: a continuous job's expansion of the group expects it unchanged at its commit).
     *
     * @param thingGroupNames groups
     * @return each group's revision (0 for one never counted)
     */
    Map<String, Long> groupMembershipRevisions(Collection<String> thingGroupNames);

    /**
     * The targeting revisions of groups: 0 for a group no continuous job's expansion ever checked, then +1 with
     * every {@link Changeset#groupMembershipChecks()} entry that names it. A join or leave reads it before the jobs
     * targeting the group and expects it unchanged at its commit ({@link Changeset#groupMembershipMoves()}), so
     * joins of one group do not make each other stale (SPEC G2, G3).
     *
     * @param thingGroupNames groups
     * @return each group's targeting revision (0 for one never counted)
     */
    Map<String, Long> groupTargetingRevisions(Collection<String> thingGroupNames);

    /**
     * @param thingName a thing
     * @return its membership revision: 0 while it never changed group, then +1 with every
     *     {@link Changeset#thingMembershipChecks()} entry that names it
     */
    long thingMembershipRevision(String thingName);

    /**
     * Applies the changeset atomically, or nothing of it.
     *
     * @param changes what to change
     * @return the events stored, with their sequence numbers, and the completions that fired
     * @throws StaleStateException if a compare-and-set failed; nothing was applied
     */
    CommitResult commit(Changeset changes);

    /**
     * @param sequence the last sequence already seen (0 for the start)
     * @param limit at most this many
     * @return stored events with a higher sequence, in sequence order
     */
    List<StoredEvent> eventsAfter(long sequence, int limit);

    /**
     * Drops delivered events. A store that keeps the relay's position ({@link #eventsDroppedThrough}) raises it, in
     * the same transaction, to {@code sequence} or the highest sequence stored, whichever is lower.
     *
     * @param sequence events up to and including this sequence were delivered (or had nobody to go to) and may be
     *                 dropped
     */
    void deleteEventsThrough(long sequence);

    /**
     * Where the event relay stands, kept across restarts and shared by the nodes of a store: every event at or below
     * it was delivered and dropped. A relay that starts or takes the lease over resumes after it and treats a missing
     * number above it as a gap, so that an event of a transaction still in flight when the relay started is delivered
     * late rather than dropped unseen (SPEC E2).
     *
     * @return the highest sequence {@link #deleteEventsThrough} dropped through (0 before any), or empty if the store
     *         cannot tell; the relay then starts at the first stored event
     */
    default OptionalLong eventsDroppedThrough() {
        return OptionalLong.empty();
    }

    /**
     * Takes or renews the event relay lease: one engine at a time (per store) delivers the stored events, so that
     * they reach subscribers in commit order even when several engine nodes share the store. A store that several
     * processes share should time the lease by its own clock, taking only its length ({@code until - now}) from the
     * caller, since the nodes' clocks may disagree (the JDBC store uses the database's clock; the memory store,
     * inside one process, the engine's).
     *
     * @param owner the engine node asking
     * @param now the present
     * @param until when the lease ends unless renewed
     * @return whether {@code owner} holds the lease until {@code until} (it was free, expired, or already its own)
     */
    boolean acquireEventRelay(String owner, Instant now, Instant until);
}
