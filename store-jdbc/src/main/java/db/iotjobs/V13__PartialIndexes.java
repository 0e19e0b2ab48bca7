package db.iotjobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 12, on PostgreSQL only: the indexes of what is pending or due hold only the rows that are. A finished execution
 * has no pending rank and no deadline, a job nothing due; H2 indexes them all (it has no partial indexes), PostgreSQL
 * now leaves them out, so an operator's history (millions of finished executions) neither grows those indexes nor
 * costs their writes when an execution ends. Every query of them asks for a value there ({@code pending_rank >= 0},
 * {@code deadline <= :now}, {@code due_at <= :now}), which implies the index's condition.
 *
 * <p>One transaction drops each index and builds it anew under its name; writers of the table wait while it builds
 * (one read of the table per index; reads go on). {@code CREATE INDEX
 * CONCURRENTLY} would not block them but cannot run in Flyway's transaction, and with Flyway's transactional
 * PostgreSQL lock it waits for that lock's own transaction (flyway/flyway issues 3497, 3682).
 */
public class V13__PartialIndexes extends BaseJavaMigration {
    private record PartialIndex(String name, String table, String columns, String condition) {
    }

    private static final List<PartialIndex> INDEXES = List.of(
            new PartialIndex("iotjobs_execution_pending", "iotjobs_execution",
                    "thing_name, pending_rank, queued_at, job_id, execution_number", "pending_rank IS NOT NULL"),
            new PartialIndex("iotjobs_execution_deadline", "iotjobs_execution",
                    "deadline, job_id, thing_name, execution_number", "deadline IS NOT NULL"),
            new PartialIndex("iotjobs_job_due", "iotjobs_job", "due_at, job_id", "due_at IS NOT NULL"));

    /** Flyway instantiates the migration. */
    public V13__PartialIndexes() {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (PartialIndex index : INDEXES) {
                statement.execute("DROP INDEX " + index.name());
                statement.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " (" + index.columns()
                        + ") WHERE " + index.condition());
            }
        }
    }
}
