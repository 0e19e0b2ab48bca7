package dev.iotjobs.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection that keeps an H2 database open for the store's life (H2 closes a database with its last
 * connection, and closing and reopening a file under load has lost acknowledged commits). Whoever else may close it
 * (a pool that reclaims connections held long, an H2 server that restarts), {@link #check} notices within a period
 * and takes a new one.
 */
final class HeldConnection {
    private static final Logger LOG = LoggerFactory.getLogger(HeldConnection.class);

    private final DataSource dataSource;
    private final long periodNanos;
    private Connection connection;   // guarded by this
    private boolean closed;          // guarded by this
    private volatile long nextCheck;

    /**
     * @param dataSource where a new connection comes from
     * @param connection the connection held from now on
     * @param period how often {@link #check} looks at it
     */
    HeldConnection(DataSource dataSource, Connection connection, Duration period) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.periodNanos = period.toNanos();
        this.nextCheck = System.nanoTime() + periodNanos;
    }

    /** Cheap unless a period has passed: then checks the connection and replaces it if it was closed. */
    void check() {
        if (System.nanoTime() - nextCheck < 0) {
            return;
        }
        synchronized (this) {
            if (closed || System.nanoTime() - nextCheck < 0) {
                return;
            }
            nextCheck = System.nanoTime() + periodNanos;
            if (isValid(connection)) {
                return;
            }
            LOG.warn("the connection that keeps the H2 database of the iotjobs store open was closed by someone "
                    + "else (a pool reclaiming it, a restarted H2 server); taking a new one");
            DataSourceCheck.closeQuietly(connection);
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                LOG.warn("cannot take a new connection to keep the H2 database open; trying again in {} s",
                        Duration.ofNanos(periodNanos).toSeconds(), e);
            }
        }
    }

    /** What {@link #inspect} reads from the held connection. */
    interface Inspection<T> {
        T of(Connection connection) throws SQLException;
    }

    /**
     * @param inspection a quick read of the connection (not a statement: device threads wait meanwhile if the
     *     period of {@link #check} has passed)
     * @return what it read, or null once closed or while no connection is held
     * @throws SQLException as the inspection throws it
     */
    synchronized <T> T inspect(Inspection<T> inspection) throws SQLException {
        return closed || connection == null ? null : inspection.of(connection);
    }

    /** Gives the connection back; idempotent. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            DataSourceCheck.closeQuietly(connection);
        }
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection != null && connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }
}
