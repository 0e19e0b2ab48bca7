package dev.iotjobs.bench;

import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.store.jdbc.JdbcJobRepository;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.io.IOException;
import java.time.Clock;

/** The store of one benchmark trial, by the name a {@code store} parameter gives, and an engine over it. */
public final class BenchStore implements AutoCloseable {
    /** The engine's region. */
    public static final String REGION = "us-east-1";
    /** The engine's account. */
    public static final String ACCOUNT = "123456789012";

    private final JobRepository repository;
    private final BenchDatabase database;

    private BenchStore(JobRepository repository, BenchDatabase database) {
        this.repository = repository;
        this.database = database;
    }

    /**
     * @param kind {@code memory}, {@code h2} (a file) or {@code postgres} (embedded, durable)
     * @param connections the pool's size for a database
     * @return the store, empty
     */
    public static BenchStore open(String kind, int connections) {
        return open(kind, connections, null);
    }

    /**
     * @param kind {@code memory}, {@code h2} (a file) or {@code postgres} (embedded, durable)
     * @param connections the pool's size for a database
     * @param parent where a database's directory goes (deleted again by {@link #close()}), or null for the system's
     *     temp directory
     * @return the store, empty
     */
    public static BenchStore open(String kind, int connections, java.nio.file.Path parent) {
        if (kind.equals("memory")) {
            return new BenchStore(new InMemoryJobRepository(), null);
        }
        BenchDatabase database = BenchDatabase.start(kind, connections, parent);
        return new BenchStore(JdbcJobRepository.create(database.pool()), database);
    }

    /** @param clock the engine's clock @return an engine over this store */
    public JobsEngine engine(Clock clock) {
        return JobsEngine.builder().repository(repository).clock(clock).region(REGION).accountId(ACCOUNT).build();
    }

    /** @return a description of the store for a log line */
    public String describe() {
        return database == null ? "memory" : database.directory().toString();
    }

    /** @return the database's pool, or null for the memory store (for a baseline on the same database) */
    public javax.sql.DataSource pool() {
        return database == null ? null : database.pool();
    }

    /** @param group a thing group's name @return its ARN */
    public static String groupArn(String group) {
        return "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thinggroup/" + group;
    }

    /** Closes the store, then the database, if any. */
    @Override
    public void close() throws IOException {
        if (repository instanceof JdbcJobRepository jdbc) {
            jdbc.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
