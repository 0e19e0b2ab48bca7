package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.CommitResult;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobCompletion;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.StatusCounts;
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
 * targets the foreign key drops), completions, the notices' queue reads, then the events (on H2 a job's counter slots
 * before anything of the job: {@link SlotGuard}). So every transaction locks a job's row before rows of its
 * executions, as a
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
    private final Dialect dialect;
    /** Null unless the database has no shared row locks. */
    private final SlotGuard slotGuard;

    ChangesetWriter(Dialect dialect, JobRows jobs, ExecutionRows executions, RegistryRows registry,
                    RolloutRows rollouts, EventRows events, TemplateRows templates, MembershipRevisionRows revisions) {
        this.dialect = dialect;
        this.revisions = revisions;
        this.jobs = jobs;
        this.executions = executions;
        this.registry = registry;
        this.rollouts = rollouts;
        this.events = events;
        this.templates = templates;
        this.slotGuard = dialect.slotsGuardJobRows() ? new SlotGuard(jobs, dialect) : null;
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

    /**
     * SPEC G2, G3: first the membership rows (an expansion checks and raises them, a join or leave raises its group's
     * unchecked), then the targeting revisions: an expansion raises those of the groups it checked, a join or leave
     * expects the one it read. Either waited for the other's membership row lock, so the later of the two sees the
     * earlier's commit.
     */
    private void applyGroupRevisions(Handle handle, Changeset changes) {
        Set<String> expanded = new TreeSet<>();
        changes.groupMembershipChecks().forEach(check -> expanded.add(check.key()));
        if (!expanded.isEmpty()) {
            revisions.checkAndRaise(handle, MembershipRevisionRows.GROUP, changes.groupMembershipChecks());
        }
        List<Versioned<String>> moves = changes.groupMembershipMoves();
        if (!moves.isEmpty()) {
            revisions.raise(handle, MembershipRevisionRows.GROUP, moves.stream().map(Versioned::key).toList());
        }
        if (!expanded.isEmpty()) {
            revisions.raise(handle, MembershipRevisionRows.TARGETING, expanded);
        }
        if (!moves.isEmpty()) {
            revisions.check(handle, MembershipRevisionRows.TARGETING, moves, expanded);
        }
    }

    /**
     * Applies everything but the completions of jobs the changeset does not write: those the caller runs with
     * {@link #completeAfterCommit} once this transaction committed (a device's commit does not lock its job's row).
     */
    CommitResult apply(Handle handle, Changeset changes) {
        if (!changes.thingNotices().isEmpty()) {
            registry.lockThingsExclusive(handle, changes.thingNotices().stream().map(ThingNotice::thingName).toList());
        }
        // First, groups then things in name order: every transaction over them locks them in the same order.
        applyGroupRevisions(handle, changes);
        if (!changes.thingMembershipChecks().isEmpty()) {
            revisions.checkAndRaise(handle, MembershipRevisionRows.THING, changes.thingMembershipChecks());
        }
        applyRegistryWrites(handle, changes);
        applyTemplateWrites(handle, changes);
        Set<String> rowWritten = jobRowsWritten(changes);
        Set<String> guarded = slotGuard == null ? Set.of() : slotGuard.apply(handle, changes, rowWritten);
        Map<String, Long> foldedChecks = applyJobWrites(handle, changes, rowWritten, guarded);
        applyCounterDeltas(handle, changes, rowWritten, foldedChecks, guarded);
        applyRolloutWrites(handle, changes);
        applyExecutionWrites(handle, changes);
        if (!changes.jobDeletes().isEmpty()) {
            stale(jobs.delete(handle, changes.jobDeletes()), "job to delete is missing or at another revision");
            executions.anyOfJobs(handle, keys(changes.jobDeletes()))
                    .ifPresent(jobId -> stale("job " + jobId + " still has executions"));
        }
        List<EngineEvent> appended = new ArrayList<>(changes.events());
        List<JobCompletion> inline = changes.completions().stream()
                .filter(completion -> rowWritten.contains(completion.jobId())).toList();
        Set<String> completed = applyCompletions(handle, inline, appended);
        for (ThingNotice notice : changes.thingNotices()) {
            appended.addAll(notice.eventsFor(executions.pending(handle, notice.thingName(), notice.queueLimit())));
        }
        // Last. Transactions that write one job's row take their sequence numbers in commit order; devices of one
        // job, which do not lock its row, may commit in another order than their numbers (the relay waits at gaps).
        List<StoredEvent> stored = appended.isEmpty() ? List.of() : events.append(handle, appended);
        return new CommitResult(stored, completed);
    }

    /**
     * @return the completions {@link #apply} left for after the commit: those of jobs whose row the changeset does not
     *     write (SPEC J8, J9)
     */
    static List<JobCompletion> afterCommit(Changeset changes) {
        if (changes.completions().isEmpty()) {
            return List.of();
        }
        Set<String> rowWritten = jobRowsWritten(changes);
        return changes.completions().stream().filter(c -> !rowWritten.contains(c.jobId())).toList();
    }

    /**
     * SPEC J8, J9, in its own transaction right after the commit that drained the job: a conditional UPDATE that
     * reads the counts every commit before it left. Of several nodes draining one job at once, the last to commit
     * sees nothing pending; the job row's lock and status make the completion fire once.
     *
     * @return the events of the completions that fired, stored, and the jobs completed
     */
    CommitResult completeAfterCommit(Handle handle, List<JobCompletion> completions) {
        if (slotGuard != null) {
            slotGuard.beforeCompletions(handle, completions);
        }
        List<EngineEvent> appended = new ArrayList<>();
        Set<String> completed = applyCompletions(handle, completions, appended);
        List<StoredEvent> stored = appended.isEmpty() ? List.of() : events.append(handle, appended);
        return new CommitResult(stored, completed);
    }

    /**
     * Counter deltas of jobs whose row the changeset writes go to the row (locked already); the others to one of
     * the job's slots, so that devices of one job do not wait for each other's commits.
     */
    private void applyCounterDeltas(Handle handle, Changeset changes, Set<String> rowWritten,
                                    Map<String, Long> foldedChecks, Set<String> guarded) {
        if (changes.counterDeltas().isEmpty()) {
            return;
        }
        Map<String, StatusCounts> onRow = new HashMap<>();
        Map<String, StatusCounts> onSlot = new HashMap<>();
        changes.counterDeltas().forEach((jobId, delta) -> {
            if (rowWritten.contains(jobId)) {
                onRow.put(jobId, delta);
            } else if (!guarded.contains(jobId)) {
                onSlot.put(jobId, delta);
            }
        });
        if (!onRow.isEmpty()) {
            stale(jobs.addCounts(handle, onRow, Map.of()), "job of a counter delta is missing");
        }
        if (!onSlot.isEmpty()) {
            stale(jobs.slots().add(handle, onSlot, foldedChecks), "job of a counter delta is missing or at another"
                    + " revision");
        }
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
            revisions.ensureGroupRows(handle, group.thingGroupName());
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
     * Checks of jobs the changeset writes take the row's write lock; checks of the others a shared lock (a device's
     * check of its job: SPEC C1 against a concurrent cancel or delete, without queueing devices behind each other).
     *
     * @return the shared checks left to the counter deltas: where the database locks in sub-selects, a job that gets
     *     a delta on a slot is checked by the delta's statement, one statement fewer on the device's path
     */
    private Map<String, Long> applyJobWrites(Handle handle, Changeset changes, Set<String> rowWritten,
                                             Set<String> guarded) {
        List<Versioned<String>> exclusive = new ArrayList<>();
        List<Versioned<String>> shared = new ArrayList<>();
        Map<String, Long> folded = new HashMap<>();
        for (Versioned<String> check : changes.jobChecks()) {
            if (rowWritten.contains(check.key())) {
                exclusive.add(check);
            } else if (guarded.contains(check.key())) {
                continue; // checked by the slot guard already
            } else if (dialect.locksInSubqueries() && changes.counterDeltas().containsKey(check.key())) {
                Long before = folded.putIfAbsent(check.key(), check.expected());
                if (before != null && before != check.expected()) {
                    stale("job " + check.key() + " cannot be at revision " + before + " and " + check.expected());
                }
            } else {
                shared.add(check);
            }
        }
        if (!exclusive.isEmpty()) {
            stale(jobs.check(handle, exclusive), "job is missing or at another revision");
        }
        if (!shared.isEmpty()) {
            stale(jobs.checkShared(handle, shared), "job is missing or at another revision");
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
            jobIds.removeAll(jobsLocked(changes));
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
        Set<String> written = jobsLocked(changes);
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

    /** @return the jobs whose row the changeset inserts or updates: their counter deltas go to the row */
    private static Set<String> jobRowsWritten(Changeset changes) {
        Set<String> written = new HashSet<>();
        changes.jobInserts().forEach(job -> written.add(job.jobId()));
        changes.jobUpdates().forEach(job -> written.add(job.jobId()));
        return written;
    }

    /**
     * @return the jobs that exist and stay as they are until the commit: written, or checked (a shared lock, or on
     *     H2 a slot's lock, keeps writers and deletes away as well)
     */
    private static Set<String> jobsLocked(Changeset changes) {
        Set<String> locked = jobRowsWritten(changes);
        changes.jobChecks().forEach(check -> locked.add(check.key()));
        return locked;
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
