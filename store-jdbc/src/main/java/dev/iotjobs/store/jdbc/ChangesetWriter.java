package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.CommitResult;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobCompletion;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.StaleStateException;
import dev.iotjobs.spi.StoredEvent;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingNotice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Applies a {@link Changeset} inside the caller's transaction, in the order its Javadoc gives: the rows of the things
 * its notices read the queue of (locked first, in name order), membership revision checks, registry writes, job
 * template writes, job writes, counter deltas, rollout target writes, execution writes, job deletes (whose rollout
 * targets the foreign key drops), completions, the notices' queue reads, then the events. So every transaction locks
 * a job's row before rows of its executions, as a
 * cancel or a deletion step that updates the job and then its executions does; a device's update, which would
 * otherwise lock its execution and then the job, cannot deadlock with those. Every compare-and-set is a conditional
 * statement whose row count decides; a mismatch throws {@link StaleStateException} and the caller rolls the whole
 * transaction back.
 *
 * <p>Under READ COMMITTED, a check and a write of two transactions could interleave, so every existence rule is
 * either a write that locks the row it needs (a delete, a compare-and-set) or a locking read, and the check that
 * guards a delete runs after the delete: a transaction that needs a row either locks it before the delete (which
 * then waits and afterwards sees its rows) or finds it gone.
 */
final class ChangesetWriter {
    private final JobRows jobs;
    private final ExecutionRows executions;
    private final RegistryRows registry;
    private final RolloutRows rollouts;
    private final EventRows events;
    private final TemplateRows templates;
    private final MembershipRevisionRows revisions;

    ChangesetWriter(JobRows jobs, ExecutionRows executions, RegistryRows registry, RolloutRows rollouts,
                    EventRows events, TemplateRows templates, MembershipRevisionRows revisions) {
        this.revisions = revisions;
        this.jobs = jobs;
        this.executions = executions;
        this.registry = registry;
        this.rollouts = rollouts;
        this.events = events;
        this.templates = templates;
    }

    /**
     * @param changes a changeset
     * @throws IllegalArgumentException if a record lacks a member the store indexes by (before anything is written)
     */
    static void validate(Changeset changes) {
        changes.thingInserts().forEach(t -> require(t.thingName() != null, "a thing needs a name"));
        changes.groupInserts().forEach(g -> require(g.thingGroupName() != null && g.thingGroupId() != null,
                "a group needs a name and id"));
        changes.templateInserts().forEach(t -> require(t.jobTemplateId() != null && t.createdAt() != null,
                "a job template needs a jobTemplateId and createdAt"));
        for (List<JobRecord> records : List.of(changes.jobInserts(), changes.jobUpdates())) {
            records.forEach(job -> require(job.job() != null && job.jobId() != null && job.job().createdAt() != null
                    && job.job().status() != null, "a job needs a jobId, createdAt and status"));
        }
        for (List<ExecutionRecord> records : List.of(changes.executionInserts(), changes.executionUpdates())) {
            records.forEach(e -> require(e.jobId() != null && e.thingName() != null && e.status() != null
                    && e.queuedAt() != null, "an execution needs a jobId, thingName, status and queuedAt"));
        }
        for (List<RolloutTarget> targets : List.of(changes.rolloutInserts(), changes.rolloutDeletes())) {
            targets.forEach(t -> require(t.jobId() != null && t.thingName() != null,
                    "a rollout target needs a jobId and thingName"));
        }
    }

    CommitResult apply(Handle handle, Changeset changes) {
        if (!changes.thingNotices().isEmpty()) {
            registry.lockThingsExclusive(handle, changes.thingNotices().stream().map(ThingNotice::thingName).toList());
        }
        // First, groups then things in name order: every transaction over them locks them in the same order.
        if (!changes.groupMembershipChecks().isEmpty()) {
            revisions.checkAndRaise(handle, MembershipRevisionRows.GROUP, changes.groupMembershipChecks());
        }
        if (!changes.thingMembershipChecks().isEmpty()) {
            revisions.checkAndRaise(handle, MembershipRevisionRows.THING, changes.thingMembershipChecks());
        }
        applyRegistryWrites(handle, changes);
        applyTemplateWrites(handle, changes);
        Map<String, Long> foldedChecks = applyJobWrites(handle, changes);
        if (!changes.counterDeltas().isEmpty()) {
            stale(jobs.addCounts(handle, changes.counterDeltas(), foldedChecks), "job of a counter delta is missing or"
                    + " at another revision");
        }
        applyRolloutWrites(handle, changes);
        applyExecutionWrites(handle, changes);
        if (!changes.jobDeletes().isEmpty()) {
            stale(jobs.delete(handle, changes.jobDeletes()), "job to delete is missing or at another revision");
            executions.anyOfJobs(handle, keys(changes.jobDeletes()))
                    .ifPresent(jobId -> stale("job " + jobId + " still has executions"));
        }
        List<EngineEvent> appended = new ArrayList<>(changes.events());
        Set<String> completed = applyCompletions(handle, changes.completions(), appended);
        for (ThingNotice notice : changes.thingNotices()) {
            appended.addAll(notice.eventsFor(executions.pending(handle, notice.thingName(), notice.queueLimit())));
        }
        // Last: the job rows written above are locked until the commit, so transactions on the same job take their
        // sequence numbers in commit order.
        List<StoredEvent> stored = appended.isEmpty() ? List.of() : events.append(handle, appended);
        return new CommitResult(stored, completed);
    }

    private void applyRegistryWrites(Handle handle, Changeset changes) {
        if (!changes.thingInserts().isEmpty()) {
            registry.insertThings(handle, changes.thingInserts());
        }
        if (!changes.thingDeletes().isEmpty()) {
            stale(registry.deleteThings(handle, changes.thingDeletes()), "thing to delete is missing or at another"
                    + " version");
        }
        for (ThingGroupRecord group : changes.groupInserts()) {
            if (!registry.insertGroup(handle, group)) {
                stale("parent thing group " + group.parentGroupName() + " does not exist");
            }
        }
        if (!changes.groupDeletes().isEmpty()) {
            stale(registry.deleteGroups(handle, changes.groupDeletes()), "thing group to delete is missing or at"
                    + " another version");
            // After all deletes of the changeset: a child deleted with its parent does not count.
            registry.anyWithChildren(handle, keys(changes.groupDeletes()))
                    .ifPresent(group -> stale("thing group " + group + " still has child groups"));
        }
        if (!changes.membershipAdds().isEmpty()) {
            registry.addMemberships(handle, changes.membershipAdds());
        }
        if (!changes.membershipRemoves().isEmpty()) {
            registry.removeMemberships(handle, changes.membershipRemoves());
        }
    }

    /** SPEC J14: an insert of a taken id fails on the primary key (stale); a delete expects the row. */
    private void applyTemplateWrites(Handle handle, Changeset changes) {
        if (!changes.templateInserts().isEmpty()) {
            templates.insert(handle, changes.templateInserts());
        }
        if (!changes.templateDeletes().isEmpty()) {
            stale(templates.delete(handle, changes.templateDeletes()), "job template to delete is missing");
        }
    }

    /**
     * @return the job checks left to the counter deltas: a job that gets a delta and is not inserted or updated by
     *     the changeset keeps its revision until the delta, so the delta's UPDATE can check it, one statement fewer
     *     on the hot path
     */
    private Map<String, Long> applyJobWrites(Handle handle, Changeset changes) {
        Set<String> written = new HashSet<>();
        changes.jobInserts().forEach(job -> written.add(job.jobId()));
        changes.jobUpdates().forEach(job -> written.add(job.jobId()));
        Map<String, Long> folded = new HashMap<>();
        List<Versioned<String>> checks = new ArrayList<>();
        for (Versioned<String> check : changes.jobChecks()) {
            boolean foldable = changes.counterDeltas().containsKey(check.key()) && !written.contains(check.key());
            Long before = foldable ? folded.putIfAbsent(check.key(), check.expected()) : null;
            if (before != null && before != check.expected()) {
                stale("job " + check.key() + " cannot be at revision " + before + " and " + check.expected());
            }
            if (!foldable) {
                checks.add(check);
            }
        }
        if (!checks.isEmpty()) {
            stale(jobs.check(handle, checks), "job is missing or at another revision");
        }
        if (!changes.jobInserts().isEmpty()) {
            jobs.insert(handle, changes.jobInserts());
        }
        if (!changes.jobUpdates().isEmpty()) {
            stale(jobs.update(handle, changes.jobUpdates()), "job to update is missing or at another revision");
        }
        return folded;
    }

    /** SPEC T7: held-back things come out once and go in once, for a job that exists (deletes first). */
    private void applyRolloutWrites(Handle handle, Changeset changes) {
        if (!changes.rolloutDeletes().isEmpty()) {
            stale(rollouts.delete(handle, changes.rolloutDeletes()), "rollout target to release is not held back");
        }
        if (!changes.rolloutInserts().isEmpty()) {
            Set<String> jobIds = new TreeSet<>();
            changes.rolloutInserts().forEach(target -> jobIds.add(target.jobId()));
            jobIds.removeAll(jobsWritten(changes));
            // Locked as for a new execution: H2's foreign-key check takes no lock on the job, so a concurrent delete
            // of it could otherwise commit too and leave the target behind.
            if (!jobIds.isEmpty()) {
                requireAll(jobIds, jobs.lock(handle, jobIds), "job of a rollout target");
            }
            rollouts.insert(handle, changes.rolloutInserts());
        }
    }

    private void applyExecutionWrites(Handle handle, Changeset changes) {
        if (!changes.executionInserts().isEmpty()) {
            requireJobsAndThings(handle, changes);
            executions.insert(handle, changes.executionInserts());
        }
        if (!changes.executionUpdates().isEmpty()) {
            stale(executions.update(handle, changes.executionUpdates()), "execution to update is missing or at"
                    + " another version");
        }
        if (!changes.executionDeletes().isEmpty()) {
            stale(executions.delete(handle, changes.executionDeletes()), "execution to delete is missing or at"
                    + " another version");
        }
        if (!changes.thingDeletes().isEmpty()) {
            // Once every execution write is in: a job created for the thing meanwhile would leave it a pending
            // execution, while this changeset may itself end the thing's last ones.
            executions.anyPendingOfThings(handle, keys(changes.thingDeletes()))
                    .ifPresent(thing -> stale("thing " + thing + " still has pending executions"));
        }
    }

    /**
     * Locks the jobs and things of new executions and checks they exist. A job this changeset inserted, updated,
     * added counts to or held things back for is there and locked already.
     */
    private void requireJobsAndThings(Handle handle, Changeset changes) {
        Set<String> written = jobsWritten(changes);
        changes.rolloutInserts().forEach(target -> written.add(target.jobId()));
        Set<String> jobIds = new TreeSet<>();
        Set<String> thingNames = new TreeSet<>();
        for (ExecutionRecord execution : changes.executionInserts()) {
            if (!written.contains(execution.jobId())) {
                jobIds.add(execution.jobId());
            }
            thingNames.add(execution.thingName());
        }
        if (!jobIds.isEmpty()) {
            requireAll(jobIds, jobs.lock(handle, jobIds), "job of a new execution");
        }
        requireAll(thingNames, registry.lockThings(handle, thingNames), "thing of a new execution");
    }

    /** SPEC J8/J9: each completion's conditional UPDATE fires at most once per job. */
    private Set<String> applyCompletions(Handle handle, List<JobCompletion> completions,
                                         List<EngineEvent> appended) {
        if (completions.isEmpty()) {
            return Set.of();
        }
        boolean[] fired = jobs.complete(handle, completions);
        Set<String> completed = new LinkedHashSet<>();
        for (int i = 0; i < fired.length; i++) {
            JobCompletion completion = completions.get(i);
            if (fired[i] && completed.add(completion.jobId()) && completion.event() != null) {
                appended.add(completion.event());
            }
        }
        return completed;
    }

    /** @return the jobs the changeset inserted, updated or added counts to: they exist and are locked */
    private static Set<String> jobsWritten(Changeset changes) {
        Set<String> written = new HashSet<>(changes.counterDeltas().keySet());
        changes.jobInserts().forEach(job -> written.add(job.jobId()));
        changes.jobUpdates().forEach(job -> written.add(job.jobId()));
        return written;
    }

    private static void requireAll(Collection<String> wanted, List<String> found, String what) {
        if (found.size() != wanted.size()) {
            Set<String> missing = new TreeSet<>(wanted);
            found.forEach(missing::remove);
            stale(what + " does not exist: " + missing);
        }
    }

    private static List<String> keys(List<Versioned<String>> versioned) {
        return versioned.stream().map(Versioned::key).distinct().toList();
    }

    private static <K> void stale(List<K> rows, String what) {
        if (!rows.isEmpty()) {
            stale(what + ": " + rows);
        }
    }

    private static void stale(String message) {
        throw new StaleStateException(message);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
