package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.JobCompletion;
import dev.iotjobs.spi.StaleStateException;
import dev.iotjobs.spi.StatusCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The lock protocol of a database without shared row locks (H2), by which devices of one job commit in parallel
 * (issue 12): a job's counter slots guard its row. Every transaction that writes a job's row (an update, a
 * completion) first locks all the job's slots; a device's change, which adds a delta to one slot and checks the job's
 * revision (SPEC C1, X1), locks that slot with its delta and then reads the revision without a lock. So a device
 * that locked its slot before a writer did commits before the writer writes the row (the revision it read holds),
 * and one that comes after waits for the writer's commit and then reads its revision (stale, retried). Devices of
 * one job lock different slots and never wait for each other, where a check of the row {@code FOR UPDATE} would
 * queue them behind each other's commits.
 *
 * <p>Lock order: slots of all the changeset's jobs in job-id order (all of a job's whose row it updates or deletes,
 * one of another's), then job rows, then executions; the thing rows of notices before all of it.
 */
final class SlotGuard {
    private final JobRows jobs;
    private final Dialect dialect;

    SlotGuard(JobRows jobs, Dialect dialect) {
        this.jobs = jobs;
        this.dialect = dialect;
    }

    /**
     * Before any job row is locked, in job-id order: locks all slots of the jobs whose rows the changeset updates or
     * deletes,
     * applies its deltas on slots (each locks its slot), locks the calling thread's slot of every other job it checks
     * without writing, then checks those jobs' revisions.
     *
     * @param rowWritten the jobs whose rows the changeset inserts or updates (their deltas go to the row)
     * @return the jobs whose slot delta and check are applied: the caller leaves them out
     */
    Set<String> apply(Handle handle, Changeset changes, Set<String> rowWritten) {
        // A deletion deletes the slots too (foreign key): locked first as well, or it would take them after the
        // executions it deletes, the other way round from a device.
        Set<String> updated = new TreeSet<>();
        changes.jobUpdates().forEach(job -> updated.add(job.jobId()));
        changes.jobDeletes().forEach(delete -> updated.add(delete.key()));
        Map<String, StatusCounts> onSlot = new TreeMap<>();
        changes.counterDeltas().forEach((jobId, delta) -> {
            if (!rowWritten.contains(jobId)) {
                onSlot.put(jobId, delta);
            }
        });
        Set<String> guarded = new TreeSet<>(onSlot.keySet());
        List<Versioned<String>> checks = new ArrayList<>();
        for (Versioned<String> check : changes.jobChecks()) {
            if (!rowWritten.contains(check.key())) {
                guarded.add(check.key());
                checks.add(check);
            }
        }
        if (updated.isEmpty() && guarded.isEmpty()) {
            return Set.of();
        }
        Set<String> order = new TreeSet<>(updated);
        order.addAll(guarded);
        for (String jobId : order) {
            StatusCounts delta = onSlot.get(jobId);
            if (updated.contains(jobId)) {
                jobs.slots().lockAll(handle, jobId, dialect);
            }
            if (delta != null) {
                if (!jobs.slots().add(handle, Map.of(jobId, delta), Map.of()).isEmpty()) {
                    throw new StaleStateException("job of a counter delta is missing: " + jobId);
                }
            } else if (!updated.contains(jobId)) {
                // A check without a delta (a progress report): the thread's slot, as its delta would lock.
                jobs.slots().lockOne(handle, jobId, dialect);
            }
        }
        if (!checks.isEmpty()) {
            List<String> stale = jobs.checkCommitted(handle, checks);
            if (!stale.isEmpty()) {
                throw new StaleStateException("job is missing or at another revision: " + stale);
            }
        }
        return guarded;
    }

    /** Locks the slots of the jobs the completions may write, in job-id order: before their rows. */
    void beforeCompletions(Handle handle, List<JobCompletion> completions) {
        Set<String> jobIds = new TreeSet<>();
        completions.forEach(completion -> jobIds.add(completion.jobId()));
        jobIds.forEach(jobId -> jobs.slots().lockAll(handle, jobId, dialect));
    }
}
