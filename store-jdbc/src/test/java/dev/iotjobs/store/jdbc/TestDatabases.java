package dev.iotjobs.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases of the tests: a fresh H2 in-memory database per store, and one embedded PostgreSQL server per test
 * JVM (started on first use, stopped at exit) with one migrated database that each test starts by emptying.
 */
final class TestDatabases {
    private static final AtomicInteger H2_COUNT = new AtomicInteger();
    private static final String[] TABLES = {"iotjobs_membership", "iotjobs_job_target",
            "iotjobs_rollout_target", "iotjobs_execution", "iotjobs_job", "iotjobs_thing_group", "iotjobs_thing",
            "iotjobs_event", "iotjobs_job_template", "iotjobs_membership_revision"};

    private static EmbeddedPostgres postgres;
    private static HikariDataSource postgresPool;

    private TestDatabases() {
    }

    /** @return a pool over a new, empty in-memory H2 database; {@link #shutDownH2} drops it */
    static HikariDataSource newH2() {
        return pool("jdbc:h2:mem:iotjobs-" + H2_COUNT.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** @param url an H2 URL @return H2's own data source over it, without a pool, as the README once showed */
    static JdbcDataSource unpooledH2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    /** @param url an H2 URL @return a pool over it */
    static HikariDataSource h2(String url) {
        return pool(url, "sa", "");
    }

    /** Drops an in-memory H2 database and closes its pool. */
    static void shutDownH2(HikariDataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already gone.
        } finally {
            pool.close();
        }
    }

    /** @return the pool over the shared PostgreSQL database, migrated, started on first use */
    static synchronized HikariDataSource postgres() {
        if (postgresPool == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        // A test server: durability buys nothing here.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            execute(postgres.getPostgresDatabase(), "CREATE DATABASE iotjobs");
            postgresPool = pool(postgres.getJdbcUrl("postgres", "iotjobs"), "postgres", "postgres");
            JdbcJobRepository.create(postgresPool);
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopPostgres));
        }
        return postgresPool;
    }

    /** @return a pool of its own over the shared PostgreSQL database, as another service node would have */
    /**
     * @param database {@code h2} (a new in-memory database, migrated) or {@code postgres} (the shared one, emptied)
     * @param h2Pools collects the H2 pools, for the caller to shut down after the test
     * @return a pool over an empty store's database
     */
    static HikariDataSource emptyDatabase(String database, List<HikariDataSource> h2Pools) {
        if ("h2".equals(database)) {
            HikariDataSource pool = newH2();
            h2Pools.add(pool);
            JdbcJobRepository.create(pool).close(); // migrated; the pool's DB_CLOSE_DELAY=-1 keeps it open
            return pool;
        }
        HikariDataSource pool = postgres();
        empty(pool);
        return pool;
    }

    static HikariDataSource newPostgresPool() {
        return pool(postgresServer().getJdbcUrl("postgres", "iotjobs"), "postgres", "postgres");
    }

    /** @return a pool of its own over an H2 database another pool opened */
    static HikariDataSource h2Pool(HikariDataSource other) {
        return pool(other.getJdbcUrl(), "sa", "");
    }

    /** @return the embedded server, started */
    static synchronized EmbeddedPostgres postgresServer() {
        postgres();
        return postgres;
    }

    /** @return a store over the shared PostgreSQL database, emptied first */
    static JdbcJobRepository emptyPostgresStore() {
        DataSource pool = postgres();
        empty(pool);
        return JdbcJobRepository.open(pool);
    }

    /**
     * Deletes every row of the store's tables, frees the relay lease and numbers events from 1 again at relay
     * position 0, as in a new database (a position left behind would make the next test's relay wait at a gap).
     */
    static void empty(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.addBatch("DELETE FROM " + table);
            }
            statement.addBatch("ALTER TABLE iotjobs_event ALTER COLUMN sequence_number RESTART WITH 1");
            statement.addBatch("UPDATE iotjobs_event_relay SET holder = NULL, lease_until = NULL, dropped_through = 0");
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** @return the first column of the first row the query gives, as text */
    static String queryString(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** @return a pool of at most {@code size} connections over a URL, giving up on a connection after 250 ms */
    static HikariDataSource smallPool(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(250);
        config.setPoolName("iotjobs-test-small");
        return new HikariDataSource(config);
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(1);
        config.setPoolName("iotjobs-test");
        return new HikariDataSource(config);
    }

    private static synchronized void stopPostgres() {
        if (postgresPool != null) {
            postgresPool.close();
        }
        try {
            postgres.close();
        } catch (IOException e) {
            // Exiting anyway.
        }
    }
}
