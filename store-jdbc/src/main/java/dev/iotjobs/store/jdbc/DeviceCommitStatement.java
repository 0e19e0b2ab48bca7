package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.CommitResult;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.StaleStateException;
import dev.iotjobs.spi.StatusCounts;
import dev.iotjobs.spi.StoredEvent;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A device's commit on PostgreSQL as one statement in auto-commit (issue 12: one round trip and one durable commit
 * instead of four). It applies the changesets a device's StartNext or UpdateJobExecution mostly makes: the job's check
 * (SPEC C1, under a shared lock), the counter delta on one of the job's slots (X1), the execution's compare-and-set
 * (C2) and the events (E1), nothing else; {@link ChangesetWriter} applies every other changeset.
 *
 * <p>The writes are data-modifying CTEs chained so that each runs only if the one before it changed its row: the
 * job's shared lock, then its slot, then the execution, then the events: the lock order of
 * {@link ChangesetWriter#apply}, so the two paths cannot deadlock. The one write that can be left alone is a slot's
 * delta whose execution missed its version (another writer got there first); the statement then fails on purpose, a
 * cast of a marked text to a number, which rolls all of it back (db-scheduler's single-statement pick is the
 * precedent for letting the database decide in one statement).
 */
final class DeviceCommitStatement {
    /** The text the failing cast names, so that its error is told from any other. */
    private static final String MISSED_VERSION = "iotjobs: the execution missed its version";
    private static final String INVALID_TEXT_REPRESENTATION = "22P02";

    private final CounterSlots slots;

    DeviceCommitStatement(CounterSlots slots) {
        this.slots = slots;
    }

    /**
     * @return whether the changeset is a device's: one execution updated, its job checked, counted on a slot or both,
     *     events and completions after the commit, and nothing else
     */
    static boolean fits(Changeset changes) {
        if (changes.executionUpdates().size() != 1 || changes.jobChecks().size() > 1
                || changes.counterDeltas().size() > 1) {
            return false;
        }
        String jobId = changes.executionUpdates().get(0).jobId();
        boolean ownJob = changes.jobChecks().stream().allMatch(check -> check.key().equals(jobId))
                && changes.counterDeltas().keySet().stream().allMatch(jobId::equals);
        return ownJob && !changes.jobChecks().isEmpty() && nothingElse(changes);
    }

    private static boolean nothingElse(Changeset c) {
        for (List<?> list : List.of(c.thingInserts(), c.thingDeletes(), c.groupInserts(), c.groupDeletes(),
                c.membershipAdds(), c.membershipRemoves(), c.templateInserts(), c.templateDeletes(), c.jobInserts(),
                c.jobUpdates(), c.executionInserts(), c.executionDeletes(), c.rolloutInserts(), c.rolloutDeletes(),
                c.jobDeletes(), c.thingNotices(), c.groupMembershipChecks(), c.groupMembershipMoves(),
                c.thingMembershipChecks())) {
            if (!list.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies a changeset that {@link #fits} in one statement on a handle in auto-commit.
     *
     * @return the stored events (no job completes here: completions run after the commit)
     * @throws StaleStateException if the job is missing or at another revision, or the execution at another version
     */
    CommitResult apply(Handle handle, Changeset changes) {
        ExecutionRecord execution = changes.executionUpdates().get(0);
        Versioned<String> check = changes.jobChecks().get(0);
        StatusCounts delta = changes.counterDeltas().get(execution.jobId());
        List<JobEvent> events = changes.events();
        Query query = handle.createQuery(sql(delta != null, events.size()));
        ExecutionRows.bind(query, execution).bind("expected", execution.versionNumber() - 1)
                .bind("expectedRevision", check.expected());
        if (delta != null) {
            JobRows.bindCounts(query, delta).bind("slot", slots.slot());
        }
        for (int i = 0; i < events.size(); i++) {
            EventRows.bind(query, events.get(i), "_" + i);
        }
        Outcome outcome;
        try {
            outcome = query.map((rs, ctx) -> new Outcome(rs.getInt("checked"), rs.getInt("counted"),
                    rs.getInt("updated"), sequences(rs.getArray("sequences")))).one();
        } catch (RuntimeException e) {
            if (missedVersion(e)) {
                throw stale("execution to update is at another version: " + execution.key());
            }
            throw e;
        }
        if (outcome.checked() == 0) {
            throw stale("job is missing or at another revision: " + check);
        }
        if (delta != null && outcome.counted() == 0) {
            throw stale("job of a counter delta is missing: " + execution.jobId());
        }
        if (outcome.updated() == 0) {
            throw stale("execution to update is missing or at another version: " + execution.key());
        }
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            stored.add(new StoredEvent(outcome.sequences().get(i), events.get(i)));
        }
        return new CommitResult(stored, Set.of());
    }

    /** The statement for a changeset with or without a delta and with that many events. */
    private static String sql(boolean counted, int events) {
        StringBuilder sql = new StringBuilder("WITH checked_job AS (SELECT 1 FROM iotjobs_job"
                + " WHERE job_id = :jobId AND revision = :expectedRevision FOR SHARE)");
        String before = "checked_job";
        if (counted) {
            sql.append(",\ncounted AS (").append(CounterSlots.ADD)
                    .append(" AND EXISTS (SELECT 1 FROM checked_job) RETURNING 1)");
            before = "counted";
        }
        sql.append(",\nupdated AS (").append(ExecutionRows.UPDATE)
                .append(" AND EXISTS (SELECT 1 FROM ").append(before).append(") RETURNING 1)");
        if (events > 0) {
            sql.append(",\nappended AS (INSERT INTO iotjobs_event (").append(EventRows.COLUMNS).append(")");
            for (int i = 0; i < events; i++) {
                sql.append(i == 0 ? "\n" : "\nUNION ALL ").append("SELECT ").append(EventRows.values("_" + i))
                        .append(" WHERE EXISTS (SELECT 1 FROM updated)");
            }
            sql.append("\nRETURNING sequence_number)");
        }
        sql.append("\nSELECT (SELECT COUNT(*) FROM checked_job) AS checked, ")
                .append(counted ? "(SELECT COUNT(*) FROM counted)" : "0").append(" AS counted, ")
                .append("(SELECT COUNT(*) FROM updated) AS updated, ")
                .append(events > 0 ? "(SELECT ARRAY_AGG(sequence_number ORDER BY sequence_number) FROM appended)"
                        : "NULL").append(" AS sequences");
        if (counted) {
            // Not a constant, or the planner would fail it whatever the counts.
            sql.append(",\nCASE WHEN (SELECT COUNT(*) FROM counted) = (SELECT COUNT(*) FROM updated) THEN 0 ELSE CAST('")
                    .append(MISSED_VERSION).append(" ' || (SELECT COUNT(*) FROM updated) AS INTEGER) END AS undone");
        }
        return sql.toString();
    }

    private static List<Long> sequences(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(n -> ((Number) n).longValue()).toList();
    }

    private static boolean missedVersion(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && INVALID_TEXT_REPRESENTATION.equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains(MISSED_VERSION)) {
                return true;
            }
        }
        return false;
    }

    private static StaleStateException stale(String message) {
        return new StaleStateException(message);
    }

    private record Outcome(int checked, int counted, int updated, List<Long> sequences) {
    }
}
