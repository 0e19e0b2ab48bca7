package dev.iotjobs.store.memory;

import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.Changeset.Membership;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.ExecutionKey;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.JobTemplateRecord;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.StaleStateException;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks every compare-and-set of a changeset before anything of it is applied, walking it in the order the store
 * applies it, so that a later part sees what an earlier part of the same changeset does (a counter delta for a
 * job inserted in the same changeset, two updates of one row).
 */
final class ChangesetCheck {
    private final JobTable jobs;
    private final ExecutionTable executions;
    private final Registry registry;
    private final RolloutTable rollouts;
    private final TemplateTable templates;

    ChangesetCheck(JobTable jobs, ExecutionTable executions, Registry registry, RolloutTable rollouts,
                   TemplateTable templates) {
        this.jobs = jobs;
        this.executions = executions;
        this.registry = registry;
        this.rollouts = rollouts;
        this.templates = templates;
    }

    /**
     * @param changes the changeset
     * @throws StaleStateException naming the first row that is not as the changeset expects
     * @throws IllegalArgumentException if a record lacks a member the store indexes by
     */
    void check(Changeset changes) {
        Staged<String> things = checkRegistry(changes);
        checkTemplates(changes);
        Staged<String> jobRevisions = new Staged<>(id -> {
            JobRecord job = jobs.get(id);
            return job == null ? null : job.revision();
        });
        for (Versioned<String> expected : changes.jobChecks()) {
            expectVersion(jobRevisions, expected.key(), expected.expected(), "job");
        }
        for (JobRecord job : changes.jobInserts()) {
            requireIndexable(job);
            expectAbsent(jobRevisions, job.jobId(), "job");
            jobRevisions.put(job.jobId(), job.revision());
        }
        for (JobRecord job : changes.jobUpdates()) {
            requireIndexable(job);
            expectVersion(jobRevisions, job.jobId(), job.revision() - 1, "job");
            jobRevisions.put(job.jobId(), job.revision());
        }
        for (String jobId : changes.counterDeltas().keySet()) {
            expectPresent(jobRevisions, jobId, "job of counter delta");
        }
        checkRollouts(changes, jobRevisions);
        Staged<ExecutionKey> versions = new Staged<>(key -> {
            ExecutionRecord execution = executions.get(key);
            return execution == null ? null : execution.versionNumber();
        });
        for (ExecutionRecord execution : changes.executionInserts()) {
            requireIndexable(execution);
            expectAbsent(versions, execution.key(), "execution");
            expectPresent(jobRevisions, execution.jobId(), "job of an execution insert");
            expectPresent(things, execution.thingName(), "thing of an execution insert");
            versions.put(execution.key(), execution.versionNumber());
        }
        for (ExecutionRecord execution : changes.executionUpdates()) {
            requireIndexable(execution);
            expectVersion(versions, execution.key(), execution.versionNumber() - 1, "execution");
            versions.put(execution.key(), execution.versionNumber());
        }
        for (Versioned<ExecutionKey> delete : changes.executionDeletes()) {
            expectVersion(versions, delete.key(), delete.expected(), "execution");
            versions.put(delete.key(), null);
        }
        checkThingDeletes(changes);
        for (Versioned<String> delete : changes.jobDeletes()) {
            expectVersion(jobRevisions, delete.key(), delete.expected(), "job");
            if (executionsLeft(delete.key(), versions) > 0) {
                throw new StaleStateException("job " + delete.key() + " still has executions");
            }
            jobRevisions.put(delete.key(), null);
        }
    }

    /**
     * The checks of a {@link DeviceCommit}, in the order of {@link #check}, without its staging maps: such a
     * changeset checks one job and updates executions, rarely the same one twice.
     *
     * @param changes a device commit's changeset
     * @return false, having changed nothing, if it updates an execution that is not pending: it must commit alone
     * @throws StaleStateException naming the first row that is not as the changeset expects
     * @throws IllegalArgumentException if a record lacks a member the store indexes by
     */
    boolean checkDevice(Changeset changes) {
        List<ExecutionRecord> updates = changes.executionUpdates();
        if (updates.size() > 8) {
            for (ExecutionRecord update : updates) {
                ExecutionRecord stored = executions.get(update.key());
                if (stored != null && !stored.isPending()) {
                    return false;
                }
            }
            check(changes);
            return true;
        }
        for (Versioned<String> expected : changes.jobChecks()) {
            JobRecord job = jobs.get(expected.key());
            expectVersion(job == null ? null : job.revision(), expected.key(), expected.expected(), "job");
        }
        for (String jobId : changes.counterDeltas().keySet()) {
            if (!jobs.contains(jobId)) {
                throw new StaleStateException("job of counter delta " + jobId + " does not exist");
            }
        }
        for (int i = 0; i < updates.size(); i++) {
            ExecutionRecord update = updates.get(i);
            requireIndexable(update);
            ExecutionRecord earlier = earlierUpdateOfTheSame(updates, i);
            Long actual;
            if (earlier != null) {
                actual = earlier.versionNumber();
            } else {
                ExecutionRecord stored = executions.get(update.key());
                if (stored != null && !stored.isPending()) {
                    return false;
                }
                actual = stored == null ? null : stored.versionNumber();
            }
            expectVersion(actual, update.key(), update.versionNumber() - 1, "execution");
        }
        return true;
    }

    /** @return the last update before {@code i} of the same execution (the job is the same in a device commit) */
    private static ExecutionRecord earlierUpdateOfTheSame(List<ExecutionRecord> updates, int i) {
        ExecutionRecord update = updates.get(i);
        for (int j = i - 1; j >= 0; j--) {
            ExecutionRecord other = updates.get(j);
            if (other.executionNumber() == update.executionNumber() && update.thingName().equals(other.thingName())) {
                return other;
            }
        }
        return null;
    }

    /** A held-back thing is released once, and inserted once for a job that exists (releases first). */
    private void checkRollouts(Changeset changes, Staged<String> jobRevisions) {
        if (changes.rolloutInserts().isEmpty() && changes.rolloutDeletes().isEmpty()) {
            return;
        }
        Staged<List<String>> held = new Staged<>(key -> rollouts.contains(key.get(0), key.get(1)) ? 1L : null);
        for (RolloutTarget target : changes.rolloutDeletes()) {
            List<String> key = List.of(target.jobId(), target.thingName());
            expectPresent(held, key, "rollout target");
            held.put(key, null);
        }
        for (RolloutTarget target : changes.rolloutInserts()) {
            List<String> key = List.of(target.jobId(), target.thingName());
            expectPresent(jobRevisions, target.jobId(), "job of a rollout target");
            expectAbsent(held, key, "rollout target");
            held.put(key, 1L);
        }
    }

    /** A thing delete expects no QUEUED or IN_PROGRESS execution of the thing once the whole changeset applies. */
    private void checkThingDeletes(Changeset changes) {
        if (changes.thingDeletes().isEmpty()) {
            return;
        }
        Map<ExecutionKey, Boolean> pendingAfter = new HashMap<>();
        changes.executionInserts().forEach(e -> pendingAfter.put(e.key(), e.isPending()));
        changes.executionUpdates().forEach(e -> pendingAfter.put(e.key(), e.isPending()));
        changes.executionDeletes().forEach(d -> pendingAfter.put(d.key(), false));
        for (Versioned<String> delete : changes.thingDeletes()) {
            // A job created for the thing meanwhile would leave a pending execution on a deleted thing.
            for (ExecutionKey key : executions.pendingKeys(delete.key())) {
                if (pendingAfter.getOrDefault(key, true)) {
                    throw new StaleStateException("thing " + delete.key() + " still has pending execution " + key);
                }
            }
            for (Map.Entry<ExecutionKey, Boolean> staged : pendingAfter.entrySet()) {
                if (staged.getKey().thingName().equals(delete.key()) && staged.getValue()) {
                    throw new StaleStateException("thing " + delete.key() + " gets pending execution "
                            + staged.getKey());
                }
            }
        }
    }

    private Staged<String> checkRegistry(Changeset changes) {
        Staged<String> things = new Staged<>(name -> {
            ThingRecord thing = registry.thing(name);
            return thing == null ? null : thing.version();
        });
        Staged<String> groups = new Staged<>(name -> {
            ThingGroupRecord group = registry.group(name);
            return group == null ? null : group.version();
        });
        for (ThingRecord thing : changes.thingInserts()) {
            require(thing.thingName() != null, "a thing needs a name");
            expectAbsent(things, thing.thingName(), "thing");
            things.put(thing.thingName(), thing.version());
        }
        for (Versioned<String> delete : changes.thingDeletes()) {
            expectVersion(things, delete.key(), delete.expected(), "thing");
            things.put(delete.key(), null);
        }
        Set<String> newGroupIds = new HashSet<>();
        for (ThingGroupRecord group : changes.groupInserts()) {
            require(group.thingGroupName() != null && group.thingGroupId() != null, "a group needs a name and id");
            expectAbsent(groups, group.thingGroupName(), "thing group");
            if (registry.groupById(group.thingGroupId()) != null || !newGroupIds.add(group.thingGroupId())) {
                throw new StaleStateException("thing group id " + group.thingGroupId() + " is taken");
            }
            if (group.parentGroupName() != null) {
                expectPresent(groups, group.parentGroupName(), "parent thing group");
            }
            groups.put(group.thingGroupName(), group.version());
        }
        for (Versioned<String> delete : changes.groupDeletes()) {
            expectVersion(groups, delete.key(), delete.expected(), "thing group");
            groups.put(delete.key(), null);
        }
        for (Versioned<String> delete : changes.groupDeletes()) {
            for (String child : registry.childGroups(delete.key())) {
                if (groups.version(child) != null) {
                    throw new StaleStateException("thing group " + delete.key() + " still has child group " + child);
                }
            }
            for (ThingGroupRecord group : changes.groupInserts()) {
                if (delete.key().equals(group.parentGroupName())) {
                    throw new StaleStateException("thing group " + delete.key() + " gets child group "
                            + group.thingGroupName());
                }
            }
        }
        for (Membership membership : changes.membershipAdds()) {
            expectPresent(things, membership.thingName(), "thing");
            expectPresent(groups, membership.thingGroupName(), "thing group");
        }
        return things;
    }

    /** SPEC J14: a template insert expects no template with its id, a delete expects one. */
    private void checkTemplates(Changeset changes) {
        Staged<String> stored = new Staged<>(id -> templates.get(id) == null ? null : 1L);
        for (JobTemplateRecord template : changes.templateInserts()) {
            require(template.jobTemplateId() != null && template.createdAt() != null,
                    "a job template needs a jobTemplateId and createdAt");
            expectAbsent(stored, template.jobTemplateId(), "job template");
            stored.put(template.jobTemplateId(), 1L);
        }
        for (String jobTemplateId : changes.templateDeletes()) {
            expectPresent(stored, jobTemplateId, "job template");
            stored.put(jobTemplateId, null);
        }
    }

    /** @return how many executions of the job remain once the changeset's execution writes are applied */
    private int executionsLeft(String jobId, Staged<ExecutionKey> versions) {
        int left = executions.countOfJob(jobId);
        for (Map.Entry<ExecutionKey, Long> staged : versions.changes.entrySet()) {
            if (staged.getKey().jobId().equals(jobId)) {
                boolean stored = executions.get(staged.getKey()) != null;
                boolean after = staged.getValue() != null;
                left += (after ? 1 : 0) - (stored ? 1 : 0);
            }
        }
        return left;
    }

    private static <K> void expectAbsent(Staged<K> rows, K key, String what) {
        if (rows.version(key) != null) {
            throw new StaleStateException(what + " " + key + " already exists");
        }
    }

    private static <K> void expectPresent(Staged<K> rows, K key, String what) {
        if (rows.version(key) == null) {
            throw new StaleStateException(what + " " + key + " does not exist");
        }
    }

    private static <K> void expectVersion(Staged<K> rows, K key, long expected, String what) {
        expectVersion(rows.version(key), key, expected, what);
    }

    private static void expectVersion(Long actual, Object key, long expected, String what) {
        if (actual == null) {
            throw new StaleStateException(what + " " + key + " does not exist");
        }
        if (actual != expected) {
            throw new StaleStateException(what + " " + key + " is at version " + actual + ", expected " + expected);
        }
    }

    private static void requireIndexable(JobRecord job) {
        require(job.job() != null && job.jobId() != null && job.job().createdAt() != null
                && job.job().status() != null, "a job needs a jobId, createdAt and status");
    }

    private static void requireIndexable(ExecutionRecord execution) {
        require(execution.jobId() != null && execution.thingName() != null && execution.status() != null
                && execution.queuedAt() != null, "an execution needs a jobId, thingName, status and queuedAt");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Versions of rows as the changeset leaves them so far; null stands for "no row". */
    private static final class Staged<K> {
        private final Function<K, Long> stored;
        private final Map<K, Long> changes = new HashMap<>();

        Staged(Function<K, Long> stored) {
            this.stored = stored;
        }

        Long version(K key) {
            return changes.containsKey(key) ? changes.get(key) : stored.apply(key);
        }

        void put(K key, Long version) {
            changes.put(key, version);
        }
    }
}
