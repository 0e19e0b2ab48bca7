package dev.iotjobs.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Refuses, when the store is created, a data source the store cannot work with, with a message saying what to
 * change, instead of an outage later: an H2 in-memory database without a name (each connection gets a private,
 * empty one), and a pool too small to give the connections the store needs at once.
 */
final class DataSourceCheck {
    private static final String UNNAMED_H2_MEMORY = "jdbc:h2:mem:";

    private DataSourceCheck() {
    }

    /**
     * @param url the JDBC URL the database reports
     * @throws IllegalArgumentException for an unnamed H2 in-memory database
     */
    static void requireNamedDatabase(String url) {
        if (url != null && url.regionMatches(true, 0, UNNAMED_H2_MEMORY, 0, UNNAMED_H2_MEMORY.length())
                && (url.length() == UNNAMED_H2_MEMORY.length() || url.charAt(UNNAMED_H2_MEMORY.length()) == ';')) {
            throw new IllegalArgumentException("the iotjobs store cannot use H2's unnamed in-memory database (" + url
                    + "): each connection to it opens a new, empty database; name it, for example "
                    + "jdbc:h2:mem:iotjobs, or use a file, for example jdbc:h2:file:./iotjobs-data/jobs");
        }
    }

    /**
     * Checks that the data source gives {@code count} more connections at once while the caller holds its own,
     * waiting at most {@code wait} for each; a pool at its limit would otherwise make every later call wait for a
     * connection that never comes.
     *
     * @param dataSource the host's data source
     * @param count how many connections the store needs beside the one the caller holds
     * @param wait how long to wait for each
     * @param why what the store needs them for, to end the message
     * @throws IllegalArgumentException if the data source does not give them in time
     */
    static void requireConnections(DataSource dataSource, int count, Duration wait, String why) {
        List<Connection> taken = new ArrayList<>();
        try {
            while (taken.size() < count) {
                taken.add(connection(dataSource, wait, count + 1, why));
            }
        } finally {
            taken.forEach(DataSourceCheck::closeQuietly);
        }
    }

    private static Connection connection(DataSource dataSource, Duration wait, int needed, String why) {
        CompletableFuture<Connection> asked = CompletableFuture.supplyAsync(() -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "iotjobs-connection-check");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            return asked.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            asked.thenAccept(DataSourceCheck::closeQuietly); // if the pool gives it later, give it back
            throw tooSmall(needed, why, "none came within " + wait.toSeconds() + " s", null);
        } catch (ExecutionException e) {
            // A pool at its limit says so with a transient connection error (HikariCP: "request timed out");
            // anything else is the database failing.
            if (e.getCause() instanceof SQLTransientConnectionException full) {
                throw tooSmall(needed, why, full.getMessage(), full);
            }
            if (e.getCause() instanceof SQLException failed) {
                throw JdbcJobRepository.unreachable(failed);
            }
            throw new IllegalStateException("the data source failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            asked.thenAccept(DataSourceCheck::closeQuietly);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the iotjobs data source", e);
        }
    }

    private static IllegalArgumentException tooSmall(int needed, String why, String detail, Throwable cause) {
        return new IllegalArgumentException("the iotjobs store needs a data source that gives at least " + needed
                + " free connections at once (" + why + "), but it gave fewer (" + detail + "): raise the pool's "
                + "maximum size (HikariCP: maximumPoolSize, 10 by default), counting one more for each other "
                + "iotjobs store on an H2 database of the same pool", cause);
    }

    /** Closes a connection that has nothing pending; null is fine. */
    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Only given back to the pool; nothing was done on it.
        }
    }
}
