package dev.iotjobs.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.store.jdbc.JdbcJobRepository;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store the standalone server runs on ({@code --store}), with the connection pool under it: memory, an H2 file
 * or PostgreSQL, each JDBC one over HikariCP. {@link #close} closes the store, then the pool.
 */
final class StandaloneStore implements AutoCloseable {
    private final JobRepository repository;
    private final HikariDataSource pool;
    private final String description;

    private StandaloneStore(JobRepository repository, HikariDataSource pool, String description) {
        this.repository = repository;
        this.pool = pool;
        this.description = description;
    }

    /**
     * Opens the store the options name, migrating a JDBC database's schema if needed.
     *
     * @param options the server's options
     * @return the open store
     * @throws StartupFailure if the H2 directory cannot be created or the database cannot be opened or migrated
     */
    static StandaloneStore open(ServerOptions options) throws StartupFailure {
        return switch (options.store()) {
            case MEMORY -> new StandaloneStore(new InMemoryJobRepository(), null, "memory");
            case H2 -> openH2(options.h2File());
            case POSTGRES -> openPostgres(options);
        };
    }

    /** @param h2File the file as given @return where H2 keeps it: absolute, without H2's {@code .mv.db} suffix */
    static Path h2Path(String h2File) {
        Path path = Path.of(h2File).toAbsolutePath().normalize();
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.endsWith(".mv.db") ? path.resolveSibling(name.substring(0, name.length() - ".mv.db".length()))
                : path;
    }

    private static StandaloneStore openH2(String h2File) throws StartupFailure {
        Path path = h2Path(h2File);
        String description = "h2 file " + path;
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("cannot create the directory " + path.getParent() + " of the h2 store: "
                    + StartupFailure.firstLine(e) + "; choose another --h2-file (IOTJOBS_H2_FILE)", e);
        }
        HikariConfig config = poolConfig();
        // The server closes the database itself, after the requests under way: H2's own shutdown hook would close
        // it under them.
        config.setJdbcUrl("jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        return openJdbc(config, description, "another process may have it open; stop it or choose another "
                + "--h2-file (IOTJOBS_H2_FILE)");
    }

    private static StandaloneStore openPostgres(ServerOptions options) throws StartupFailure {
        HikariConfig config = poolConfig();
        config.setJdbcUrl(options.jdbcUrl());
        if (options.jdbcUser() != null) {
            config.setUsername(options.jdbcUser());
        }
        if (options.jdbcPassword() != null) {
            config.setPassword(options.jdbcPassword());
        }
        return openJdbc(config, "postgres " + JdbcUrls.withoutSecrets(options.jdbcUrl()), "check that the "
                + "database is up and --jdbc-url, --jdbc-user and IOTJOBS_JDBC_PASSWORD");
    }

    private static HikariConfig poolConfig() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("iotjobs");
        return config;
    }

    private static StandaloneStore openJdbc(HikariConfig config, String description, String hint)
            throws StartupFailure {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StartupFailure("cannot open the " + description + ": " + StartupFailure.firstLine(e) + "; "
                    + hint, e);
        }
        try {
            return new StandaloneStore(JdbcJobRepository.create(pool), pool, description);
        } catch (RuntimeException e) {
            pool.close();
            throw new StartupFailure("cannot open the " + description + ": " + StartupFailure.firstLine(e) + "; "
                    + hint, e);
        }
    }

    /** @return the repository for the engine */
    JobRepository repository() {
        return repository;
    }

    /** @return what the ready line says: {@code memory}, {@code h2 file /abs/path}, {@code postgres jdbc:...} */
    String description() {
        return description;
    }

    /** Closes the store (an H2 store gives back the connection it held), then the pool. */
    @Override
    public void close() {
        try {
            if (repository instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the " + description + ": " + e.getMessage(), e);
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }
}
