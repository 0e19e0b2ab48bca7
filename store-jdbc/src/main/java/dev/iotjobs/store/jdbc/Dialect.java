package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.error.ServiceUnavailableException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The few places where H2 and PostgreSQL differ: keyset conditions, row locks, the isolation a connection needs,
 * and what an error's SQLState means. (The one schema difference, the collation of names, lives in the first
 * migration.)
 */
enum Dialect {
    /** H2 2.x, file or in-memory. */
    H2(Set.of(
            "23505", // duplicate key
            "23503", // a row still refers to this one
            "23506", // the row referred to is missing
            "40001", // deadlock
            "90131"  // concurrent update of the same row
    )) {
        @Override
        String after(List<String> columns, List<String> parameters) {
            // H2 does not range-scan an index on a row-value comparison: lead with the first column's bound.
            return "(" + columns.get(0) + " >= " + parameters.get(0) + " AND " + expanded(columns, parameters) + ")";
        }

        @Override
        String lockShared() {
            return "FOR UPDATE"; // H2 has no shared row locks
        }

        @Override
        boolean slotsGuardJobRows() {
            return true; // no shared row locks: a device's job check would otherwise lock the row for writing
        }

        @Override
        boolean locksInSubqueries() {
            return false;
        }

        @Override
        String lockExclusive() {
            return "FOR UPDATE";
        }

        @Override
        String epochMillisNow() {
            return "DATEDIFF(MILLISECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', CURRENT_TIMESTAMP)";
        }

        @Override
        Connection prepare(Connection connection) throws SQLException {
            // H2 offers READ UNCOMMITTED, which would show half a commit; every other level is at least as strong.
            if (connection.getTransactionIsolation() == Connection.TRANSACTION_READ_UNCOMMITTED) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            return connection;
        }
    },

    /** PostgreSQL 14 or later. */
    POSTGRESQL(Set.of(
            "23505", // unique_violation
            "23503", // foreign_key_violation
            "40001", // serialization_failure
            "40P01"  // deadlock_detected
    )) {
        @Override
        String after(List<String> columns, List<String> parameters) {
            return "(" + String.join(", ", columns) + ") > (" + String.join(", ", parameters) + ")";
        }

        @Override
        String lockShared() {
            return "FOR SHARE";
        }

        @Override
        boolean slotsGuardJobRows() {
            return false;
        }

        @Override
        boolean locksInSubqueries() {
            return true;
        }

        @Override
        String lockExclusive() {
            // Blocks writers of the row but not the key-share locks of foreign-key checks.
            return "FOR NO KEY UPDATE";
        }

        @Override
        String epochMillisNow() {
            return "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
        }

        @Override
        Connection prepare(Connection connection) {
            return connection; // every PostgreSQL level is at least READ COMMITTED
        }
    };

    private final Set<String> conflictStates;

    Dialect(Set<String> conflictStates) {
        this.conflictStates = conflictStates;
    }

    /**
     * @param connection a connection to the database
     * @return its dialect
     * @throws IllegalArgumentException for a database or version the store does not support
     */
    static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        int major = meta.getDatabaseMajorVersion();
        if ("H2".equalsIgnoreCase(product) && major >= 2) {
            return H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product) && major >= 14) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("the iotjobs JDBC store runs on H2 2.x and PostgreSQL 14 or later, not on "
                + product + " " + meta.getDatabaseProductVersion());
    }

    /**
     * A keyset condition: the row's key comes strictly after the given one, comparing column by column.
     *
     * @param columns the key's columns in sort order
     * @param parameters the bound values, one per column
     * @return the SQL condition
     */
    abstract String after(List<String> columns, List<String> parameters);

    /** @return the locking clause that keeps a row from being deleted until the transaction ends */
    abstract String lockShared();

    /**
     * @return whether a sub-select may lock the rows it reads ({@link #lockShared()} inside an UPDATE's condition),
     *     so that a check and a write go to the database as one statement
     */
    abstract boolean locksInSubqueries();

    /** @return the locking clause that keeps others from writing a row until the transaction ends */
    abstract String lockExclusive();

    /**
     * @return whether a job's counter slots guard its row ({@link SlotGuard}): every writer of the row locks all its
     *     slots first, so that a device's check of its job needs no lock on the row, only the one on its slot (for a
     *     database without shared row locks)
     */
    abstract boolean slotsGuardJobRows();

    /**
     * @return an SQL expression for the database's present time in epoch milliseconds: the one clock that all nodes
     *     sharing the database agree on, whatever their own clocks say
     */
    abstract String epochMillisNow();

    /**
     * @param connection a connection fresh from the data source
     * @return it, at an isolation level that sees only committed data
     */
    abstract Connection prepare(Connection connection) throws SQLException;

    /**
     * @param sqlState an error's SQLState
     * @return whether it reports a conflict with another transaction (a duplicate or missing row, a deadlock, a
     *     serialization failure): the engine decides again on fresh state. Anything else means the database is
     *     not available as it should be.
     */
    boolean isConflict(String sqlState) {
        return sqlState != null && conflictStates.contains(sqlState);
    }

    /**
     * Makes every commit reach the database's file before it returns, so that an acknowledged update survives a
     * crash of the service's process. H2 delays writing commits by default; PostgreSQL needs nothing.
     *
     * @param connection a connection to the database
     */
    void makeCommitsDurable(Connection connection) {
        if (this != H2) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            throw new ServiceUnavailableException("cannot set H2's WRITE_DELAY to 0: " + e.getMessage(), e);
        }
    }

    /** {@code a > :a OR (a = :a AND (b > :b OR (b = :b AND ...)))}. */
    static String expanded(List<String> columns, List<String> parameters) {
        int last = columns.size() - 1;
        String condition = columns.get(last) + " > " + parameters.get(last);
        for (int i = last - 1; i >= 0; i--) {
            condition = columns.get(i) + " > " + parameters.get(i) + " OR (" + columns.get(i) + " = "
                    + parameters.get(i) + " AND (" + condition + "))";
        }
        return "(" + condition + ")";
    }
}
