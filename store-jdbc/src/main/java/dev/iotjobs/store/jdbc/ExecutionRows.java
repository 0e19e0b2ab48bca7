package dev.iotjobs.store.jdbc;

import static dev.iotjobs.store.jdbc.Columns.constant;
import static dev.iotjobs.store.jdbc.Columns.instant;
import static dev.iotjobs.store.jdbc.Columns.millis;
import static dev.iotjobs.store.jdbc.Columns.number;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.ExecutionKey;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.RetriesUsed;
import dev.iotjobs.spi.ThingExecutionsKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The execution table: look-ups by key, the thing's pending queue, the listings and the timeout sweep, each on its
 * index; inserts, and updates and deletes as compare-and-sets on {@code version_number}.
 */
final class ExecutionRows {
    /** The execution's columns, table alias {@code e}, as {@link #read} reads them. */
    static final String COLUMNS = """
            e.job_id, e.thing_name, e.execution_number, e.status, e.force_canceled, e.status_details, e.queued_at,
            e.started_at, e.last_updated_at, e.version_number, e.retry_attempt, e.step_timeout_at,
            e.in_progress_timeout_at, e.retries_used_failed, e.retries_used_timed_out""";

    /** Rows a newer version wrote with a status this one does not know stay out of its reads. */
    private static final String KNOWN = Columns.known("e.status", JobExecutionStatus.class);

    /** The thing's queue on its pending index; the job's row leaves out jobs being deleted. */
    static final String PENDING = """

            FROM iotjobs_execution e JOIN iotjobs_job j ON j.job_id = e.job_id
            WHERE e.thing_name = :thingName AND e.pending_rank >= 0 AND j.status <> 'DELETION_IN_PROGRESS'
            AND\s""" + KNOWN + " AND " + Columns.known("j.status", JobStatus.class) + """

            ORDER BY e.thing_name, e.pending_rank, e.queued_at, e.job_id, e.execution_number
            LIMIT :limit""";

    /** Pending executions by their earlier timer (deadline is null when nothing is pending or no timer runs). */
    private static final String DUE = """

            FROM iotjobs_execution e WHERE\s""" + Statements.upTo("e.deadline") + " AND " + KNOWN + """

            ORDER BY e.deadline, e.job_id, e.thing_name, e.execution_number
            LIMIT :limit""";

    /** The retries used are written here only: they never change after the insert (V12). */
    private static final String INSERT = """
            INSERT INTO iotjobs_execution (job_id, thing_name, execution_number, status, force_canceled,
                status_details, queued_at, started_at, last_updated_at, version_number, retry_attempt,
                step_timeout_at, in_progress_timeout_at, pending_rank, deadline, retries_used_failed,
                retries_used_timed_out)
            VALUES (:jobId, :thingName, :executionNumber, :status, :forceCanceled, :statusDetails, :queuedAt,
                :startedAt, :lastUpdatedAt, :versionNumber, :retryAttempt, :stepTimeoutAt, :inProgressTimeoutAt,
                :pendingRank, :deadline, :retriesUsedFailed, :retriesUsedTimedOut)""";

    /** The compare-and-set of {@link #update}: the execution's columns, if it is at {@code :expected}. */
    static final String UPDATE = """
            UPDATE iotjobs_execution SET status = :status, force_canceled = :forceCanceled,
                status_details = :statusDetails, queued_at = :queuedAt, started_at = :startedAt,
                last_updated_at = :lastUpdatedAt, version_number = :versionNumber, retry_attempt = :retryAttempt,
                step_timeout_at = :stepTimeoutAt, in_progress_timeout_at = :inProgressTimeoutAt,
                pending_rank = :pendingRank, deadline = :deadline
            WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber
                AND version_number = :expected""";

    private static final String DELETE = """
            DELETE FROM iotjobs_execution
            WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber
                AND version_number = :expected""";

    private final Dialect dialect;

    ExecutionRows(Dialect dialect) {
        this.dialect = dialect;
    }

    Optional<ExecutionRecord> find(Handle handle, String jobId, String thingName, Long executionNumber) {
        String sql = "SELECT " + COLUMNS
                + " FROM iotjobs_execution e WHERE e.job_id = :jobId AND e.thing_name = :thingName AND " + KNOWN
                + (executionNumber == null
                        ? " ORDER BY e.execution_number DESC LIMIT 1"
                        : " AND e.execution_number = :executionNumber");
        Query query = handle.createQuery(sql).bind("jobId", jobId).bind("thingName", thingName);
        if (executionNumber != null) {
            query.bind("executionNumber", executionNumber);
        }
        return query.map((rs, ctx) -> read(rs)).findOne();
    }

    List<ExecutionRecord> pending(Handle handle, String thingName, int limit) {
        Pages.checkLimit(limit);
        return handle.createQuery("SELECT " + COLUMNS + PENDING)
                .bind("thingName", thingName)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list();
    }

    Page<ExecutionRecord> listForJob(Handle handle, String jobId, JobExecutionStatus status, JobExecutionsKey after,
                                     int limit) {
        Pages.checkLimit(limit);
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM iotjobs_execution e WHERE e.job_id = :jobId AND ").append(KNOWN);
        if (status != null) {
            sql.append(" AND e.status = :status");
        }
        if (after != null) {
            sql.append(" AND ").append(dialect.after(List.of("e.thing_name", "e.execution_number"),
                    List.of(":afterThingName", ":afterExecutionNumber")));
        }
        // The fixed columns lead the ORDER BY, so that H2 too reads the index in order instead of sorting the job.
        sql.append(status == null ? " ORDER BY e.job_id, e.thing_name, e.execution_number LIMIT :limit"
                : " ORDER BY e.job_id, e.status, e.thing_name, e.execution_number LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("jobId", jobId).bind("limit", limit + 1);
        if (status != null) {
            query.bind("status", status.name());
        }
        if (after != null) {
            query.bind("afterThingName", after.thingName()).bind("afterExecutionNumber", after.executionNumber());
        }
        return Pages.of(query.map((rs, ctx) -> read(rs)).list(), limit);
    }

    /** With a job, the job's few executions on the thing (primary key); without, the thing's index. */
    Page<ExecutionRecord> listForThing(Handle handle, String thingName, JobExecutionStatus status, String jobId,
                                       ThingExecutionsKey after, int limit) {
        Pages.checkLimit(limit);
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM iotjobs_execution e WHERE e.thing_name = :thingName AND ").append(KNOWN);
        if (jobId != null) {
            sql.append(" AND e.job_id = :jobId");
        }
        if (status != null) {
            sql.append(" AND e.status = :status");
        }
        if (after != null) {
            sql.append(" AND ").append(dialect.after(List.of("e.queued_at", "e.job_id", "e.execution_number"),
                    List.of(":afterQueuedAt", ":afterJobId", ":afterExecutionNumber")));
        }
        sql.append(jobId != null ? " ORDER BY e.queued_at, e.job_id, e.execution_number LIMIT :limit"
                : " ORDER BY e.thing_name, e.queued_at, e.job_id, e.execution_number LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("thingName", thingName).bind("limit", limit + 1);
        if (jobId != null) {
            query.bind("jobId", jobId);
        }
        if (status != null) {
            query.bind("status", status.name());
        }
        if (after != null) {
            query.bind("afterQueuedAt", millis(after.queuedAt())).bind("afterJobId", after.jobId())
                    .bind("afterExecutionNumber", after.executionNumber());
        }
        return Pages.of(query.map((rs, ctx) -> read(rs)).list(), limit);
    }

    List<ExecutionRecord> dueBy(Handle handle, Instant now, int limit) {
        Pages.checkLimit(limit);
        return Statements.bindUpTo(handle.createQuery("SELECT " + COLUMNS + DUE), millis(now))
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list();
    }

    void insert(Handle handle, List<ExecutionRecord> executions) {
        for (List<ExecutionRecord> chunk : Statements.chunks(executions)) {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            chunk.forEach(execution -> bindRetriesUsed(bind(batch, execution), execution.retriesUsed()).add());
            batch.execute();
        }
    }

    /** @return the executions whose stored version was not the one before theirs */
    List<ExecutionKey> update(Handle handle, List<ExecutionRecord> executions) {
        PreparedBatch batch = handle.prepareBatch(UPDATE);
        executions.forEach(execution -> bind(batch, execution).bind("expected", execution.versionNumber() - 1).add());
        return Statements.missed(batch.execute(), executions.stream().map(ExecutionRecord::key).toList());
    }

    /** @return the executions that were missing or at another version */
    List<ExecutionKey> delete(Handle handle, List<Versioned<ExecutionKey>> deletes) {
        PreparedBatch batch = handle.prepareBatch(DELETE);
        for (Versioned<ExecutionKey> delete : deletes) {
            batch.bind("jobId", delete.key().jobId())
                    .bind("thingName", delete.key().thingName())
                    .bind("executionNumber", delete.key().executionNumber())
                    .bind("expected", delete.expected())
                    .add();
        }
        return Statements.missed(batch.execute(), deletes.stream().map(Versioned::key).toList());
    }

    /** @return one of the jobs that still has an execution, if any */
    Optional<String> anyOfJobs(Handle handle, List<String> jobIds) {
        return first(handle, "SELECT job_id FROM iotjobs_execution WHERE job_id = " + Statements.any("%s")
                + " LIMIT 1", "jobId", jobIds);
    }

    /** @return one of the things that still has a QUEUED or IN_PROGRESS execution, if any */
    Optional<String> anyPendingOfThings(Handle handle, List<String> thingNames) {
        return first(handle, "SELECT e.thing_name FROM " + Statements.keyTable("%s", "k")
                + " JOIN iotjobs_execution e ON e.thing_name = k.name AND e.pending_rank >= 0"
                + " LIMIT 1", "thingName", thingNames);
    }

    private static Optional<String> first(Handle handle, String sql, String parameter, List<String> keys) {
        for (List<String> chunk : Statements.chunks(keys)) {
            Optional<String> found = Statements.bindAny(handle.createQuery(sql.formatted(parameter)), parameter, chunk)
                    .mapTo(String.class).findOne();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Binds the execution's columns and key to the parameters of {@link #UPDATE} (all but {@code :expected}). */
    static <S extends SqlStatement<S>> S bind(S statement, ExecutionRecord execution) {
        return statement
                .bind("jobId", execution.jobId())
                .bind("thingName", execution.thingName())
                .bind("executionNumber", execution.executionNumber())
                .bind("status", execution.status().name())
                .bind("forceCanceled", execution.forceCanceled())
                .bind("statusDetails", Json.write(execution.statusDetails()))
                .bind("queuedAt", millis(execution.queuedAt()))
                .bind("startedAt", millis(execution.startedAt()))
                .bind("lastUpdatedAt", millis(execution.lastUpdatedAt()))
                .bind("versionNumber", execution.versionNumber())
                .bind("retryAttempt", execution.retryAttempt())
                .bind("stepTimeoutAt", millis(execution.stepTimeoutAt()))
                .bind("inProgressTimeoutAt", millis(execution.inProgressTimeoutAt()))
                .bind("pendingRank", pendingRank(execution))
                .bind("deadline", execution.isPending() ? millis(execution.deadline()) : null);
    }

    private static PreparedBatch bindRetriesUsed(PreparedBatch batch, RetriesUsed used) {
        return batch.bind("retriesUsedFailed", used == null ? null : used.failed())
                .bind("retriesUsedTimedOut", used == null ? null : used.timedOut());
    }

    /** The place in the thing's queue: IN_PROGRESS before QUEUED; null when not pending. */
    private static Integer pendingRank(ExecutionRecord execution) {
        return switch (execution.status()) {
            case IN_PROGRESS -> 0;
            case QUEUED -> 1;
            default -> null;
        };
    }

    static ExecutionRecord read(ResultSet rs) throws SQLException {
        return new ExecutionRecord(rs.getString("job_id"), rs.getString("thing_name"), rs.getLong("execution_number"),
                constant(rs, "status", JobExecutionStatus.class), rs.getBoolean("force_canceled"),
                Json.stringMap(rs.getString("status_details")), instant(rs, "queued_at"), instant(rs, "started_at"),
                instant(rs, "last_updated_at"), rs.getLong("version_number"), rs.getInt("retry_attempt"),
                instant(rs, "step_timeout_at"), instant(rs, "in_progress_timeout_at"), retriesUsed(rs));
    }

    /** Null when either count is (a row written before V12, or by a node of an earlier version): unknown. */
    private static RetriesUsed retriesUsed(ResultSet rs) throws SQLException {
        Long failed = number(rs, "retries_used_failed");
        Long timedOut = number(rs, "retries_used_timed_out");
        return failed == null || timedOut == null ? null : new RetriesUsed(failed.intValue(), timedOut.intValue());
    }
}
