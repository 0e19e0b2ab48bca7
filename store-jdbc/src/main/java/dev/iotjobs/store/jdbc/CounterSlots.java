package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.StatusCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A job's counts spread over {@link #SLOTS} slot rows beside its row ({@code iotjobs_job_count}), so that devices of
 * one job commit in parallel (SPEC X1 at scale): a change that does not write the job row adds its delta to one slot
 * row, chosen by the writing thread, instead of locking the job row through its commit. A job's count is its row's
 * plus the sum of its slots', read in the same statement, so every read sees the counts of whole commits.
 *
 * <p>Slots are created with the job and deleted with it (foreign key), so a delta to a job that is gone changes no
 * row: the commit is stale, as a delta to the job row would be.
 */
final class CounterSlots {
    /** Slot rows per job: enough that a node's device threads rarely share one. */
    static final int SLOTS = 16;

    private static final List<String> COLUMNS = List.of("n_queued", "n_in_progress", "n_succeeded", "n_failed",
            "n_timed_out", "n_rejected", "n_removed", "n_canceled");

    /** Adds the bound delta ({@link JobRows#bindCounts}) to the slot {@code :slot} of job {@code :jobId}. */
    static final String ADD = "UPDATE iotjobs_job_count SET " + JobRows.ADDED_COUNTS
            + " WHERE job_id = :jobId AND slot = :slot";

    /** {@link #ADD} with the job's check (its revision, under a shared lock) in the same statement. */
    private static final String ADD_CHECKED = ADD
            + " AND (SELECT j.revision FROM iotjobs_job j WHERE j.job_id = :jobId FOR SHARE) = :expected";

    /** Spreads the threads of this process over the slots; another process starts elsewhere. */
    private final int offset = ThreadLocalRandom.current().nextInt(SLOTS);

    /**
     * @param alias the job table's alias in the query
     * @return the select list of the eight counts, each the job row's plus its slots', named as the job's columns
     */
    static String summedColumns(String alias) {
        StringBuilder sql = new StringBuilder();
        for (String column : COLUMNS) {
            if (!sql.isEmpty()) {
                sql.append(", ");
            }
            sql.append(sum(alias, column)).append(" AS ").append(column);
        }
        return sql.toString();
    }

    /**
     * @param alias the job table's alias (or name) in the statement
     * @param column a count column
     * @return the job's whole count of that column
     */
    static String sum(String alias, String column) {
        return alias + "." + column + " + (SELECT COALESCE(SUM(c." + column + "), 0) FROM iotjobs_job_count c"
                + " WHERE c.job_id = " + alias + ".job_id)";
    }

    /** @return the slot the calling thread adds its deltas to */
    int slot() {
        return (int) ((Thread.currentThread().getId() + offset) % SLOTS);
    }

    /** Locks every slot of the job, in slot order ({@link SlotGuard}: before a write of the job's row). */
    void lockAll(Handle handle, String jobId, Dialect dialect) {
        // In slot order: the primary key's walk (H2 sorts again for an ORDER BY here, under FOR UPDATE).
        handle.createQuery("SELECT slot FROM iotjobs_job_count WHERE job_id = :jobId "
                + dialect.lockExclusive()).bind("jobId", jobId).mapTo(Integer.class).list();
    }

    /** Locks the calling thread's slot of the job ({@link SlotGuard}: a device's check without a delta). */
    void lockOne(Handle handle, String jobId, Dialect dialect) {
        handle.createQuery("SELECT slot FROM iotjobs_job_count WHERE job_id = :jobId AND slot = :slot "
                + dialect.lockExclusive()).bind("jobId", jobId).bind("slot", slot()).mapTo(Integer.class).list();
    }

    /** Creates the slots of new jobs (all zero). */
    void create(Handle handle, List<String> jobIds) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO iotjobs_job_count (job_id, slot) VALUES (:jobId, :slot)");
        for (String jobId : jobIds) {
            for (int slot = 0; slot < SLOTS; slot++) {
                batch.bind("jobId", jobId).bind("slot", slot).add();
            }
        }
        batch.execute();
    }

    /**
     * Adds each delta to one slot of its job, jobs in id order (two transactions over the same jobs lock their slots
     * in the same order, one slot per job each).
     *
     * @param deltas per job, what to add
     * @param checks per job, the revision it must have (checked in the same statement, under a shared lock on the
     *     job's row), if any; only on a dialect that {@link Dialect#locksInSubqueries() locks in sub-selects}
     * @return the jobs that are missing, or not at the revision checked
     */
    List<String> add(Handle handle, Map<String, StatusCounts> deltas, Map<String, Long> checks) {
        List<String> jobIds = deltas.keySet().stream().sorted().toList();
        int slot = slot();
        List<String> missed = new ArrayList<>();
        for (boolean checked : new boolean[] {false, true}) {
            List<String> ids = jobIds.stream().filter(id -> checks.containsKey(id) == checked).toList();
            if (ids.isEmpty()) {
                continue;
            }
            PreparedBatch batch = handle.prepareBatch(checked ? ADD_CHECKED : ADD);
            for (String jobId : ids) {
                JobRows.bindCounts(batch, deltas.get(jobId)).bind("jobId", jobId).bind("slot", slot);
                if (checked) {
                    batch.bind("expected", checks.get(jobId));
                }
                batch.add();
            }
            missed.addAll(Statements.missed(batch.execute(), ids));
        }
        return missed;
    }
}
