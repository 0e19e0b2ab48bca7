package dev.iotjobs.spi;

import dev.iotjobs.api.event.JobEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one decision changes, applied by {@link JobRepository#commit} atomically: all of it or nothing.
 *
 * <p>The store applies it in this order: membership revision checks (groups, then things, each in name order),
 * registry writes (thing inserts and deletes, group inserts and deletes, membership adds and removes), job template
 * inserts and deletes, job inserts and updates, counter deltas, rollout target deletes and inserts (so
 * that a thing can be released and held back again with other targets in one changeset), execution inserts,
 * updates and deletes, job deletes (which drop the job's remaining rollout targets), completions (a database
 * store takes the job row's lock before the executions' this way, so that transactions on one job never
 * deadlock); then it appends the events in list order, followed by the events of the completions
 * that fired. Every update and delete is a compare-and-set: a job update expects the stored revision to be
 * {@code revision - 1}, an execution update expects {@code versionNumber - 1}, deletes expect the given revision
 * or version, inserts expect no row (a group insert also no group with its id), a rollout target delete and a job
 * template delete expect the row, each of {@code jobChecks} expects its job at exactly that revision without
 * changing it, and each of {@code groupMembershipChecks} and {@code thingMembershipChecks} expects that membership
 * revision ({@link JobRepository#groupMembershipRevisions}, 0 for none yet) and raises it by one; a group
 * membership check also raises the group's targeting revision ({@link JobRepository#groupTargetingRevisions}) by
 * one. Each of {@code groupMembershipMoves} raises its group's membership revision by one without checking it,
 * then expects the group's targeting revision unchanged. A CONTINUOUS job's expansion of its target groups
 * (CreateJob, its scheduled start, AssociateTargetsWithJob) checks every group it expanded; a membership change of a
 * thing in a group moves the group and checks the thing; a group created under a parent moves the parent. So a join
 * and a job creation that each missed the other's write cannot both commit (SPEC G2, G3), while joins of one group
 * never make each other stale: a store serializes them on the group's revision instead (a database takes the
 * membership revision's row lock before it reads the targeting revision, and an expansion checks the membership
 * revision before it raises the targeting one). Rows
 * referred to must exist at that point of the order: the job and the thing of an execution insert, the job of a
 * counter delta and of a rollout target insert, the thing and the group of a membership add, the parent of a
 * group insert. A job delete expects the job to have no execution left, a group delete the group to have no child
 * group left, and a thing delete the thing to have no QUEUED or IN_PROGRESS
 * execution left once the whole changeset is applied. Each part sees the earlier parts of the same changeset. Any
 * mismatch throws {@link StaleStateException} and applies nothing.
 *
 * <p>Last, for each of {@code thingNotices} (one per thing, in thing-name order) the store reads the thing's queue as
 * the whole changeset left it and appends the events the notice derives from it, after all other events. A database
 * store locks the rows of those things before anything else (in thing-name order), so that transactions touching one
 * thing's queue take their sequence numbers in commit order and each reads the queue the previous one left (SPEC E2,
 * E4).
 *
 * @param jobChecks jobs that must still be at the revision the decision read (guards against a concurrent
 *     cancel or delete of the job)
 * @param thingInserts things to create
 * @param thingDeletes things to delete (their memberships go with them)
 * @param groupInserts thing groups to create
 * @param groupDeletes thing groups to delete (their memberships go with them)
 * @param membershipAdds thing-in-group memberships to add (idempotent)
 * @param membershipRemoves thing-in-group memberships to remove (idempotent)
 * @param templateInserts custom job templates to create (SPEC J14)
 * @param templateDeletes custom job templates to delete, by id (jobs made from them are unaffected)
 * @param jobInserts jobs to create
 * @param jobUpdates jobs to update (their counts are ignored)
 * @param rolloutInserts things a job holds back for its rollout
 * @param rolloutDeletes held-back things the rollout reached (by job and thing)
 * @param executionInserts executions to create
 * @param executionUpdates executions to update
 * @param executionDeletes executions to delete
 * @param counterDeltas per job id, what to add to its counts in place
 * @param jobDeletes jobs to delete
 * @param completions conditional completions
 * @param events the events that explain the change
 * @param thingNotices what the change does to things' pending queues: one per thing, in thing-name order
 * @param groupMembershipChecks groups whose membership revision must be {@code expected}, raised by one, and whose
 *     targeting revision is raised by one (a continuous job's expansion)
 * @param groupMembershipMoves groups whose membership revision is raised by one unchecked and whose targeting revision
 *     must be {@code expected} (a join or leave of the group, a child group created under it)
 * @param thingMembershipChecks things whose membership revision must be {@code expected}, raised by one
 */
public record Changeset(
        List<Versioned<String>> jobChecks,
        List<ThingRecord> thingInserts,
        List<Versioned<String>> thingDeletes,
        List<ThingGroupRecord> groupInserts,
        List<Versioned<String>> groupDeletes,
        List<Membership> membershipAdds,
        List<Membership> membershipRemoves,
        List<JobTemplateRecord> templateInserts,
        List<String> templateDeletes,
        List<JobRecord> jobInserts,
        List<JobRecord> jobUpdates,
        List<ExecutionRecord> executionInserts,
        List<ExecutionRecord> executionUpdates,
        List<Versioned<ExecutionKey>> executionDeletes,
        Map<String, StatusCounts> counterDeltas,
        List<RolloutTarget> rolloutInserts,
        List<RolloutTarget> rolloutDeletes,
        List<Versioned<String>> jobDeletes,
        List<JobCompletion> completions,
        List<JobEvent> events,
        List<ThingNotice> thingNotices,
        List<Versioned<String>> groupMembershipChecks,
        List<Versioned<String>> groupMembershipMoves,
        List<Versioned<String>> thingMembershipChecks) {

    /** An empty changeset. */
    public static final Changeset EMPTY = builder().build();

    /**
     * A key with the version (or revision) its row must have.
     *
     * @param key the row's key
     * @param expected the version it must have
     * @param <K> the key type
     */
    public record Versioned<K>(K key, long expected) {
    }

    /**
     * A thing's membership in a group.
     *
     * @param thingGroupName the group
     * @param thingName the thing
     */
    public record Membership(String thingGroupName, String thingName) {
    }

    /** @return whether nothing changes */
    public boolean isEmpty() {
        return this.equals(EMPTY);
    }

    /**
     * @param notices the thing notices to keep instead of this changeset's
     * @return this changeset with those notices
     */
    public Changeset withThingNotices(List<ThingNotice> notices) {
        return new Changeset(jobChecks, thingInserts, thingDeletes, groupInserts, groupDeletes, membershipAdds,
                membershipRemoves, templateInserts, templateDeletes, jobInserts, jobUpdates, executionInserts,
                executionUpdates, executionDeletes, counterDeltas, rolloutInserts, rolloutDeletes, jobDeletes,
                completions, events, List.copyOf(notices), groupMembershipChecks, groupMembershipMoves,
                thingMembershipChecks);
    }

    /**
     * @param revisions per group, the membership revision the decision read (SPEC G2: a continuous job's expansion)
     * @return this changeset also checking and raising those revisions (and raising the groups' targeting revisions)
     */
    public Changeset expectingGroupMemberships(Map<String, Long> revisions) {
        if (revisions.isEmpty()) {
            return this;
        }
        List<Versioned<String>> checks = new ArrayList<>(groupMembershipChecks);
        revisions.forEach((group, revision) -> checks.add(new Versioned<>(group, revision)));
        return withGroupRevisions(List.copyOf(checks), groupMembershipMoves);
    }

    /**
     * @param groupName a group whose membership changes (SPEC G2: it gets a child group)
     * @param targetingRevision its targeting revision as the decision read it
     * @return this changeset also moving the group's membership ({@link Builder#moveGroupMembership})
     */
    public Changeset movingGroupMembership(String groupName, long targetingRevision) {
        List<Versioned<String>> moves = new ArrayList<>(groupMembershipMoves);
        moves.add(new Versioned<>(groupName, targetingRevision));
        return withGroupRevisions(groupMembershipChecks, List.copyOf(moves));
    }

    private Changeset withGroupRevisions(List<Versioned<String>> checks, List<Versioned<String>> moves) {
        return new Changeset(jobChecks, thingInserts, thingDeletes, groupInserts, groupDeletes, membershipAdds,
                membershipRemoves, templateInserts, templateDeletes, jobInserts, jobUpdates, executionInserts,
                executionUpdates, executionDeletes, counterDeltas, rolloutInserts, rolloutDeletes, jobDeletes,
                completions, events, thingNotices, checks, moves, thingMembershipChecks);
    }

    /** @return the number of execution rows this changeset writes */
    public int executionWriteCount() {
        return executionInserts.size() + executionUpdates.size() + executionDeletes.size();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a changeset. */
    public static final class Builder {
        private List<Versioned<String>> jobChecks;
        private List<ThingRecord> thingInserts;
        private List<Versioned<String>> thingDeletes;
        private List<ThingGroupRecord> groupInserts;
        private List<Versioned<String>> groupDeletes;
        private List<Membership> membershipAdds;
        private List<Membership> membershipRemoves;
        private List<JobTemplateRecord> templateInserts;
        private List<String> templateDeletes;
        private List<JobRecord> jobInserts;
        private List<JobRecord> jobUpdates;
        private List<ExecutionRecord> executionInserts;
        private List<ExecutionRecord> executionUpdates;
        private List<Versioned<ExecutionKey>> executionDeletes;
        private Map<String, StatusCounts> counterDeltas;
        private List<RolloutTarget> rolloutInserts;
        private List<RolloutTarget> rolloutDeletes;
        private List<Versioned<String>> jobDeletes;
        private List<JobCompletion> completions;
        private List<JobEvent> events;
        private TreeMap<String, ThingNotice> thingNotices;
        private List<Versioned<String>> groupMembershipChecks;
        private List<Versioned<String>> groupMembershipMoves;
        private List<Versioned<String>> thingMembershipChecks;

        private Builder() {
        }

        /**
         * @param groupName a group
         * @param revision its membership revision as the decision read it
         * @return this; the commit fails as stale if the revision moved since, and raises it by one
         */
        public Builder expectGroupMembership(String groupName, long revision) {
            groupMembershipChecks = add(groupMembershipChecks, new Versioned<>(groupName, revision));
            return this;
        }

        /**
         * @param groupName a group that a thing joins or leaves, or that gets a child group
         * @param targetingRevision the group's targeting revision as the decision read it, before it read the jobs
         *     targeting the group
         * @return this; the commit raises the group's membership revision by one whatever it is, then fails as stale
         *     if the targeting revision moved since (a continuous job expanded the group meanwhile)
         */
        public Builder moveGroupMembership(String groupName, long targetingRevision) {
            groupMembershipMoves = add(groupMembershipMoves, new Versioned<>(groupName, targetingRevision));
            return this;
        }

        /**
         * @param thingName a thing
         * @param revision its membership revision as the decision read it
         * @return this; the commit fails as stale if the revision moved since, and raises it by one
         */
        public Builder expectThingMembership(String thingName, long revision) {
            thingMembershipChecks = add(thingMembershipChecks, new Versioned<>(thingName, revision));
            return this;
        }

        /**
         * @param job the job as the decision read it
         * @return this; the commit fails as stale if the job changed revision since
         */
        public Builder expectJob(JobRecord job) {
            jobChecks = add(jobChecks, new Versioned<>(job.jobId(), job.revision()));
            return this;
        }

        /** @param thing the thing to create @return this */
        public Builder insertThing(ThingRecord thing) {
            thingInserts = add(thingInserts, thing);
            return this;
        }

        /** @param thingName the thing @param expectedVersion its version @return this */
        public Builder deleteThing(String thingName, long expectedVersion) {
            thingDeletes = add(thingDeletes, new Versioned<>(thingName, expectedVersion));
            return this;
        }

        /** @param group the group to create @return this */
        public Builder insertGroup(ThingGroupRecord group) {
            groupInserts = add(groupInserts, group);
            return this;
        }

        /** @param groupName the group @param expectedVersion its version @return this */
        public Builder deleteGroup(String groupName, long expectedVersion) {
            groupDeletes = add(groupDeletes, new Versioned<>(groupName, expectedVersion));
            return this;
        }

        /** @param groupName the group @param thingName the thing @return this */
        public Builder addMembership(String groupName, String thingName) {
            membershipAdds = add(membershipAdds, new Membership(groupName, thingName));
            return this;
        }

        /** @param groupName the group @param thingName the thing @return this */
        public Builder removeMembership(String groupName, String thingName) {
            membershipRemoves = add(membershipRemoves, new Membership(groupName, thingName));
            return this;
        }

        /** @param template the custom job template to create @return this */
        public Builder insertJobTemplate(JobTemplateRecord template) {
            templateInserts = add(templateInserts, template);
            return this;
        }

        /** @param jobTemplateId the custom job template to delete, which must exist @return this */
        public Builder deleteJobTemplate(String jobTemplateId) {
            templateDeletes = add(templateDeletes, jobTemplateId);
            return this;
        }

        /** @param job the job to create @return this */
        public Builder insertJob(JobRecord job) {
            jobInserts = add(jobInserts, job);
            return this;
        }

        /** @param job the job's next revision @return this */
        public Builder updateJob(JobRecord job) {
            jobUpdates = add(jobUpdates, job);
            return this;
        }

        /** @param jobId the job @param expectedRevision its revision @return this */
        public Builder deleteJob(String jobId, long expectedRevision) {
            jobDeletes = add(jobDeletes, new Versioned<>(jobId, expectedRevision));
            return this;
        }

        /** @param target a thing the job holds back for its rollout @return this */
        public Builder holdBack(RolloutTarget target) {
            rolloutInserts = add(rolloutInserts, target);
            return this;
        }

        /** @param target a held-back thing the rollout reached @return this */
        public Builder release(RolloutTarget target) {
            rolloutDeletes = add(rolloutDeletes, target);
            return this;
        }

        /** @param execution the execution to create @return this */
        public Builder insertExecution(ExecutionRecord execution) {
            executionInserts = add(executionInserts, execution);
            return this;
        }

        /** @param execution the execution's next version @return this */
        public Builder updateExecution(ExecutionRecord execution) {
            executionUpdates = add(executionUpdates, execution);
            return this;
        }

        /** @param execution the execution as read @return this */
        public Builder deleteExecution(ExecutionRecord execution) {
            executionDeletes = add(executionDeletes, new Versioned<>(execution.key(), execution.versionNumber()));
            return this;
        }

        /** @param jobId the job @param delta what to add to its counts @return this */
        public Builder addCounts(String jobId, StatusCounts delta) {
            if (counterDeltas == null) {
                counterDeltas = new LinkedHashMap<>();
            }
            counterDeltas.merge(jobId, delta, StatusCounts::plus);
            return this;
        }

        /** @param completion a conditional completion @return this */
        public Builder complete(JobCompletion completion) {
            completions = add(completions, completion);
            return this;
        }

        /** @param event an event to append @return this */
        public Builder event(JobEvent event) {
            events = add(events, event);
            return this;
        }

        /**
         * @param notice what a change does to a thing's queue; merged with the notice on the same thing, if any
         * @return this
         */
        public Builder notice(ThingNotice notice) {
            if (thingNotices == null) {
                thingNotices = new TreeMap<>();
            }
            thingNotices.merge(notice.thingName(), notice, ThingNotice::plus);
            return this;
        }

        // Lists are made on first use: most changesets fill two or three of the parts.
        private static <T> List<T> add(List<T> list, T item) {
            List<T> target = list == null ? new ArrayList<>() : list;
            target.add(item);
            return target;
        }

        private static <T> List<T> copy(List<T> list) {
            return list == null ? List.of() : List.copyOf(list);
        }

        /** @return the changeset */
        public Changeset build() {
            Map<String, StatusCounts> deltas = new LinkedHashMap<>();
            if (counterDeltas != null) {
                counterDeltas.forEach((job, delta) -> {
                    if (!delta.isZero()) {
                        deltas.put(job, delta);
                    }
                });
            }
            return new Changeset(copy(jobChecks), copy(thingInserts), copy(thingDeletes), copy(groupInserts),
                    copy(groupDeletes), copy(membershipAdds), copy(membershipRemoves),
                    copy(templateInserts), copy(templateDeletes), copy(jobInserts), copy(jobUpdates),
                    copy(executionInserts), copy(executionUpdates), copy(executionDeletes),
                    deltas.isEmpty() ? Map.of() : Collections.unmodifiableMap(deltas), copy(rolloutInserts),
                    copy(rolloutDeletes), copy(jobDeletes), copy(completions),
                    copy(events), thingNotices == null ? List.of() : List.copyOf(thingNotices.values()),
                    copy(groupMembershipChecks), copy(groupMembershipMoves), copy(thingMembershipChecks));
        }
    }
}
