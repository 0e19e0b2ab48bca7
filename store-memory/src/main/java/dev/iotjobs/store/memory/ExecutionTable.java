package dev.iotjobs.store.memory;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.spi.ExecutionKey;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.ThingExecutionsKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The executions and their indexes: by key; per job by (thingName, executionNumber), which also answers "the
 * latest execution of a job on a thing"; per thing by (queuedAt, jobId, executionNumber); per thing the pending
 * queue; and the pending executions by deadline.
 *
 * <p>Thread-safety: commits on different things may write at the same time as long as each thing's rows are written
 * by one commit at a time (the repository's thing stripes) and no update moves a row to another job or thing; the
 * per-thing indexes are then touched by one writer each, the deadlines are a concurrent set. A reader of a thing's
 * rows holds that thing's stripe; the reads across things run alone (the repository's gate, held exclusively).
 */
final class ExecutionTable {
    private final Map<ExecutionKey, ExecutionRecord> byKey = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<JobExecutionsKey>> byJob = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<ThingExecutionsKey>> byThing = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<Keys.Pending>> pendingByThing = new ConcurrentHashMap<>();
    private final NavigableSet<Keys.Deadline> deadlines = new ConcurrentSkipListSet<>();

    ExecutionRecord get(ExecutionKey key) {
        return byKey.get(key);
    }

    /** @return the execution of the job on the thing with the highest number, or null */
    ExecutionRecord latest(String jobId, String thingName) {
        NavigableSet<JobExecutionsKey> keys = byJob.get(jobId);
        if (keys == null) {
            return null;
        }
        JobExecutionsKey last = keys.floor(new JobExecutionsKey(thingName, Long.MAX_VALUE));
        if (last == null || !last.thingName().equals(thingName)) {
            return null;
        }
        return byKey.get(new ExecutionKey(jobId, thingName, last.executionNumber()));
    }

    /** @return how many executions the job has, of any status */
    int countOfJob(String jobId) {
        NavigableSet<JobExecutionsKey> keys = byJob.get(jobId);
        return keys == null ? 0 : keys.size();
    }

    /** Stores the record as the execution's current state. */
    void put(ExecutionRecord record) {
        reindex(byKey.put(record.key(), record), record);
    }

    void remove(ExecutionKey key) {
        ExecutionRecord old = byKey.remove(key);
        if (old != null) {
            reindex(old, null);
        }
    }

    /**
     * @param thingName the thing
     * @param keep which pending executions to return (the caller leaves out those of jobs being deleted)
     * @param limit at most this many
     * @return the head of the thing's pending queue
     */
    List<ExecutionRecord> pending(String thingName, Predicate<ExecutionRecord> keep, int limit) {
        NavigableSet<Keys.Pending> queue = pendingByThing.getOrDefault(thingName, Collections.emptyNavigableSet());
        return Pages.head(queue, key -> byKey.get(new ExecutionKey(key.jobId(), thingName, key.executionNumber())),
                keep, limit);
    }

    /** @return the keys of the thing's QUEUED and IN_PROGRESS executions */
    List<ExecutionKey> pendingKeys(String thingName) {
        return pendingByThing.getOrDefault(thingName, Collections.emptyNavigableSet()).stream()
                .map(key -> new ExecutionKey(key.jobId(), thingName, key.executionNumber()))
                .toList();
    }

    Page<ExecutionRecord> listForJob(String jobId, JobExecutionStatus status, JobExecutionsKey after, int limit) {
        NavigableSet<JobExecutionsKey> keys = byJob.getOrDefault(jobId, Collections.emptyNavigableSet());
        return Pages.page(after == null ? keys : keys.tailSet(after, false),
                key -> byKey.get(new ExecutionKey(jobId, key.thingName(), key.executionNumber())),
                execution -> status == null || execution.status() == status, limit);
    }

    Page<ExecutionRecord> listForThing(String thingName, JobExecutionStatus status, String jobId,
                                       ThingExecutionsKey after, int limit) {
        NavigableSet<ThingExecutionsKey> keys;
        if (jobId != null) {
            // A job has few executions on one thing: the per-job index narrows far more than the thing's.
            keys = new TreeSet<>(Keys.THING_EXECUTIONS);
            for (ExecutionRecord execution : ofJobOnThing(jobId, thingName)) {
                keys.add(Keys.thingKey(execution));
            }
        } else {
            keys = byThing.getOrDefault(thingName, Collections.emptyNavigableSet());
        }
        return Pages.page(after == null ? keys : keys.tailSet(after, false),
                key -> byKey.get(new ExecutionKey(key.jobId(), thingName, key.executionNumber())),
                execution -> status == null || execution.status() == status, limit);
    }

    /** @return pending executions whose deadline is at or before {@code now}, earliest first */
    List<ExecutionRecord> dueBy(Instant now, int limit) {
        Pages.checkLimit(limit);
        List<ExecutionRecord> due = new ArrayList<>(Math.min(limit, 64));
        for (Keys.Deadline key : deadlines) {
            if (due.size() == limit || key.at().isAfter(now)) {
                break;
            }
            due.add(byKey.get(new ExecutionKey(key.jobId(), key.thingName(), key.executionNumber())));
        }
        return due;
    }

    private List<ExecutionRecord> ofJobOnThing(String jobId, String thingName) {
        NavigableSet<JobExecutionsKey> keys = byJob.get(jobId);
        if (keys == null) {
            return List.of();
        }
        List<ExecutionRecord> executions = new ArrayList<>();
        for (JobExecutionsKey key : keys.subSet(new JobExecutionsKey(thingName, Long.MIN_VALUE), true,
                new JobExecutionsKey(thingName, Long.MAX_VALUE), true)) {
            executions.add(byKey.get(new ExecutionKey(jobId, thingName, key.executionNumber())));
        }
        return executions;
    }

    /**
     * Moves a row's index entries from its old state to its new one (null for no row), touching only the entries
     * whose keys changed: a device's update usually moves the pending queue and the deadline, nothing else.
     */
    private void reindex(ExecutionRecord before, ExecutionRecord after) {
        ExecutionRecord row = after != null ? after : before;
        String jobId = row.jobId();
        String thingName = row.thingName();
        if (before != null && after != null && samePlaces(before, after)) {
            return; // the common update: a progress report, or details only; no key allocated to find out
        }
        if (before == null || after == null) {
            // An update keeps the row's key, so its per-job key; only inserts and deletes move it.
            move(before == null ? null : Keys.jobKey(before), after == null ? null : Keys.jobKey(after),
                    key -> Indexes.remove(byJob, jobId, key),
                    key -> Indexes.add(byJob, jobId, key, () -> new TreeSet<>(Keys.JOB_EXECUTIONS)));
        }
        if (before == null || after == null || !before.queuedAt().equals(after.queuedAt())) {
            move(before == null ? null : Keys.thingKey(before), after == null ? null : Keys.thingKey(after),
                    key -> Indexes.remove(byThing, thingName, key),
                    key -> Indexes.add(byThing, thingName, key, () -> new TreeSet<>(Keys.THING_EXECUTIONS)));
        }
        move(pendingOf(before), pendingOf(after),
                key -> Indexes.remove(pendingByThing, thingName, key),
                key -> Indexes.add(pendingByThing, thingName, key));
        move(deadlineOf(before), deadlineOf(after), deadlines::remove, deadlines::add);
    }

    /** @return whether two states of one row have the same entries in the per-thing, pending and deadline indexes */
    private static boolean samePlaces(ExecutionRecord before, ExecutionRecord after) {
        return before.queuedAt().equals(after.queuedAt())
                && before.isPending() == after.isPending()
                && (!after.isPending() || (before.status() == after.status()
                        && Objects.equals(before.deadline(), after.deadline())));
    }

    private static <K> void move(K before, K after, Consumer<K> remove, Consumer<K> add) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            remove.accept(before);
        }
        if (after != null) {
            add.accept(after);
        }
    }

    private static Keys.Pending pendingOf(ExecutionRecord record) {
        return record == null || !record.isPending() ? null : Keys.Pending.of(record);
    }

    private static Keys.Deadline deadlineOf(ExecutionRecord record) {
        if (record == null || !record.isPending()) {
            return null;
        }
        Instant at = record.deadline();
        return at == null ? null
                : new Keys.Deadline(at, record.jobId(), record.thingName(), record.executionNumber());
    }
}
