package dev.iotjobs.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.jdbc.JdbcJobRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Where the time and the WAL of {@link JdbcRoundTripBenchmark}'s PostgreSQL round trip go, against its bare-update
 * baseline (issue 12, item 8: "the profile that says why"). One thread, notifications off, the benchmark's fleet of
 * 20,000 things with two fresh jobs per window, queued before it and deleted after it as the benchmark does per
 * iteration; the baseline first alone on the fresh server (as the benchmark's baseline trial runs), then in turn with
 * the round trip in each window. Per operation: the server's WAL records, full-page images and bytes ({@code pg_stat_wal}, and the insert LSN's advance),
 * WAL writes and syncs with their time ({@code track_wal_io_timing}), commits, checkpoints during the window, the
 * tables' updates and how many were HOT, each statement's calls, server time and WAL ({@code pg_stat_statements}),
 * and the client's time inside JDBC by kind of call ({@link TimedJdbc}), the rest being the engine's own.
 *
 * <p>{@code java -cp benchmarks.jar dev.iotjobs.bench.PgRoundTripProfile [settings] [seconds] [warm-ups]
 * [measured] [background]}: settings a comma-separated list of {@link PgSettings} names (default {@code default,nofpw,nockpt}),
 * each on a fresh server; windows of {@code seconds} (default 2) per case, first the warm-ups (default 3), then the
 * measured ones (default 4), as the benchmark's iterations; background {@code on} (default) or {@code off}: whether
 * the engine's background thread runs, as {@code -p backgroundThread=} of the benchmark.
 * The statistics collector of PostgreSQL 14 is fed by each backend at most every 500 ms, so each snapshot first waits
 * and runs one statement on every idle pooled connection.
 */
public final class PgRoundTripProfile {
    private static final int THINGS = 20_000;
    private static final int CONNECTIONS = 5;

    private PgRoundTripProfile() {
    }

    /**
     * @param args settings, seconds, windows
     * @throws Exception if the database cannot be set up
     */
    public static void main(String[] args) throws Exception {
        String[] settings = (args.length > 0 ? args[0] : "default,nofpw,nockpt").split(",");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int windows = warmups + (args.length > 3 ? Integer.parseInt(args[3]) : 4);
        boolean background = args.length <= 4 || RoundTripFleet.onOff("background thread", args[4]);
        for (String name : settings) {
            profile(name, seconds, warmups, windows, background);
        }
    }

    private static void profile(String name, int seconds, int warmups, int windows, boolean background)
            throws Exception {
        Map<String, String> server = new LinkedHashMap<>(PgSettings.named(name));
        server.putAll(PgSettings.PROFILING);
        JdbcRoundTripBenchmark.Database database = new JdbcRoundTripBenchmark.Database();
        database.bench = BenchDatabase.start("postgres", CONNECTIONS, null, server);
        database.pool = database.bench.pool();
        HikariDataSource raw = database.pool;
        try {
            execute(raw, "CREATE EXTENSION pg_stat_statements");
            System.out.printf("%n=== pgSettings=%s %s; %s%n", name, server, query(raw, "SELECT version()").get(0));
            TimedJdbc timed = new TimedJdbc(raw);
            JdbcRoundTripBenchmark.CounterTable table = new JdbcRoundTripBenchmark.CounterTable();
            table.create(database, 1);
            table.pool = timed.dataSource();
            JdbcRoundTripBenchmark.CounterRow row = new JdbcRoundTripBenchmark.CounterRow();
            row.claim(table);
            // As the benchmark's baseline trial runs: on a server with nothing else in it.
            Case alone = new Case("baselineAlone");
            for (int window = 0; window < windows; window++) {
                Snapshot before = Snapshot.take(raw, timed);
                long bumps = runFor(seconds, () -> table.bump(row));
                alone.add(window >= warmups, bumps, before, Snapshot.take(raw, timed));
            }
            JdbcRoundTripBenchmark.ThingSlices slices = new JdbcRoundTripBenchmark.ThingSlices();
            slices.things = THINGS;
            slices.cut(1);
            Fleet fleet = new Fleet();
            long setUp = System.nanoTime();
            fleet.use(JobsEngine.builder().repository(JdbcJobRepository.create(timed.dataSource()))
                    .region(BenchStore.REGION).accountId(BenchStore.ACCOUNT).deviceNotifications(false).build(),
                    background);
            System.out.println("engine background thread: " + (background ? "on" : "off"));
            slices.register(fleet.engine.things(), 8);
            System.out.printf("fleet registered in %.1f s; indexes of iotjobs_execution: %s%n",
                    (System.nanoTime() - setUp) / 1e9,
                    query(raw, "SELECT string_agg(indexname, ', ') FROM pg_indexes WHERE tablename = 'iotjobs_execution'"));
            JdbcRoundTripBenchmark.SliceWalker walker = new JdbcRoundTripBenchmark.SliceWalker();
            walker.claim(slices);
            Case roundTrip = new Case("roundTrip");
            Case baseline = new Case("baselineRowUpdate");
            for (int window = 0; window < windows; window++) {
                boolean measured = window >= warmups;
                fleet.queueJobs();
                walker.rewind();
                Snapshot before = Snapshot.take(raw, timed);
                long ops = runFor(seconds, () -> fleet.roundTrip(walker));
                Snapshot middle = Snapshot.take(raw, timed);
                long bumps = runFor(seconds, () -> table.bump(row));
                Snapshot after = Snapshot.take(raw, timed);
                fleet.deleteJobs();
                roundTrip.add(measured, ops, before, middle);
                baseline.add(measured, bumps, middle, after);
            }
            explainOutboxDelete(raw);
            fleet.report();
            roundTrip.print(baseline, alone);
            baseline.print(baseline, alone);
            alone.print(baseline, alone);
        } finally {
            database.stop();
        }
    }

    private interface Op {
        void run() throws Exception;
    }

    private static long runFor(int seconds, Op op) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long ops = 0;
        do {
            op.run();
            ops++;
        } while (System.nanoTime() < end);
        return ops;
    }

    /** The benchmark's fleet, with its default of two jobs per window. */
    private static final class Fleet extends RoundTripFleet {
        @Override
        int jobsPerIteration() {
            return 2;
        }
    }

    /** The server's counters and the client's JDBC time at one moment. */
    private record Snapshot(long startNanos, long endNanos, Map<String, Double> counters, List<Map<String, Object>> statements,
                            long[] jdbc) {
        static Snapshot take(HikariDataSource raw, TimedJdbc timed) throws Exception {
            long nanos = System.nanoTime();
            long[] jdbc = timed.snapshot();
            flushStatistics(raw);
            Map<String, Double> counters = new TreeMap<>();
            List<Map<String, Object>> statements = new ArrayList<>();
            try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_stat_clear_snapshot()");
                read(statement, "wal.", "SELECT wal_records, wal_fpi, wal_bytes, wal_buffers_full, wal_write, wal_sync,"
                        + " wal_write_time, wal_sync_time FROM pg_stat_wal", counters);
                read(statement, "", "SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn AS lsn_bytes", counters);
                read(statement, "db.", "SELECT xact_commit, xact_rollback, blks_read, blks_hit FROM pg_stat_database"
                        + " WHERE datname = current_database()", counters);
                read(statement, "bgw.", "SELECT checkpoints_timed, checkpoints_req, buffers_checkpoint, buffers_clean,"
                        + " buffers_backend FROM pg_stat_bgwriter", counters);
                // Sums, so that there is a row before the store's migration creates the table.
                read(statement, "gauge.", "SELECT COALESCE(SUM(n_live_tup), 0) AS event_live, COALESCE(SUM(n_dead_tup), 0)"
                        + " AS event_dead, COALESCE(SUM(pg_relation_size(relid)), 0) / 8192 AS event_pages"
                        + " FROM pg_stat_user_tables WHERE relname = 'iotjobs_event'", counters);
                try (ResultSet rows = statement.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd,"
                        + " n_tup_del FROM pg_stat_user_tables")) {
                    while (rows.next()) {
                        String table = rows.getString(1);
                        for (int c = 2; c <= 5; c++) {
                            counters.put("t." + table + "." + rows.getMetaData().getColumnName(c).substring(6),
                                    rows.getDouble(c));
                        }
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT query, calls, total_exec_time, wal_records, wal_fpi,"
                        + " wal_bytes, shared_blks_read, total_plan_time FROM pg_stat_statements"
                        + " WHERE query NOT LIKE '%pg_stat%' AND query NOT LIKE '%pg_current_wal%'"
                        + " AND query <> 'SELECT 1' ORDER BY total_exec_time DESC")) {
                    while (rows.next()) {
                        Map<String, Object> one = new LinkedHashMap<>();
                        for (int c = 1; c <= 8; c++) {
                            one.put(rows.getMetaData().getColumnName(c), rows.getObject(c));
                        }
                        statements.add(one);
                    }
                }
                statement.execute("SELECT pg_stat_statements_reset()");
            }
            return new Snapshot(nanos, System.nanoTime(), counters, statements, jdbc);
        }

        /** Makes every idle pooled backend send its pending statistics (PostgreSQL 14 sends at most every 500 ms). */
        private static void flushStatistics(HikariDataSource raw) throws Exception {
            Thread.sleep(600);
            List<Connection> held = new ArrayList<>();
            try {
                int idle = raw.getHikariPoolMXBean().getIdleConnections();
                for (int i = 0; i < idle; i++) {
                    Connection connection = raw.getConnection();
                    held.add(connection);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT 1");
                    }
                }
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
            Thread.sleep(300);
        }

        private static void read(Statement statement, String prefix, String sql, Map<String, Double> into)
                throws SQLException {
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    into.put(prefix + rows.getMetaData().getColumnName(c), rows.getDouble(c));
                }
            }
        }
    }

    /** One benchmark method's measured windows, summed. */
    private static final class Case {
        private final String name;
        private long ops;
        private long nanos;
        private final Map<String, Double> counters = new TreeMap<>();
        private final long[] jdbc = new long[10];
        private final Map<String, double[]> statements = new TreeMap<>();

        Case(String name) {
            this.name = name;
        }

        void add(boolean measured, long windowOps, Snapshot from, Snapshot to) {
            long windowNanos = to.startNanos - from.endNanos;
            System.out.printf("  %-18s %s window: %6d ops, %7.1f ops/s, %5.2f FPI/op, %7.0f WAL B/op, checkpoints %s;"
                            + " outbox at its end: %.0f live, %.0f dead rows, %.0f pages%n",
                    name, measured ? "measured" : "warm-up ", windowOps, windowOps * 1e9 / windowNanos,
                    (to.counters.get("wal.wal_fpi") - from.counters.get("wal.wal_fpi")) / windowOps,
                    (to.counters.get("lsn_bytes") - from.counters.get("lsn_bytes")) / windowOps,
                    delta(to, from, "bgw.checkpoints_timed") + delta(to, from, "bgw.checkpoints_req"),
                    to.counters.get("gauge.event_live"), to.counters.get("gauge.event_dead"),
                    to.counters.get("gauge.event_pages"));
            if (!measured) {
                return;
            }
            ops += windowOps;
            nanos += windowNanos;
            to.counters.forEach((key, value) -> counters.merge(key, value - from.counters.getOrDefault(key, 0.0),
                    Double::sum));
            for (int i = 0; i < jdbc.length; i++) {
                jdbc[i] += to.jdbc[i] - from.jdbc[i];
            }
            for (Map<String, Object> one : to.statements) {
                double[] sums = statements.computeIfAbsent(((String) one.get("query")).replaceAll("\\s+", " "),
                        query -> new double[7]);
                sums[0] += ((Number) one.get("calls")).doubleValue();
                sums[1] += ((Number) one.get("total_exec_time")).doubleValue();
                sums[2] += ((Number) one.get("wal_records")).doubleValue();
                sums[3] += ((Number) one.get("wal_fpi")).doubleValue();
                sums[4] += ((Number) one.get("wal_bytes")).doubleValue();
                sums[5] += ((Number) one.get("shared_blks_read")).doubleValue();
                sums[6] += ((Number) one.get("total_plan_time")).doubleValue();
            }
        }

        private static double delta(Snapshot to, Snapshot from, String key) {
            return to.counters.get(key) - from.counters.get(key);
        }

        private double rate() {
            return ops * 1e9 / nanos;
        }

        void print(Case baseline, Case alone) {
            double n = ops;
            System.out.printf("%n%s: %d ops in %.1f s = %.1f ops/s (ratio to baseline beside the fleet %.3f, to baseline"
                            + " alone %.3f); wall %.0f us/op%n", name, ops, nanos / 1e9, rate(), rate() / baseline.rate(),
                    rate() / alone.rate(), nanos / 1e3 / n);
            System.out.printf("  client JDBC per op: auto-commit executes %.2f x, %.0f us; transaction executes %.2f x,"
                            + " %.0f us; commit/rollback %.2f x, %.0f us; other calls %.0f us; outside JDBC %.0f us%n",
                    jdbc[1] / n, jdbc[0] / 1e3 / n, jdbc[3] / n, jdbc[2] / 1e3 / n, jdbc[5] / n, jdbc[4] / 1e3 / n,
                    jdbc[6] / 1e3 / n, (nanos - jdbc[0] - jdbc[2] - jdbc[4] - jdbc[6]) / 1e3 / n);
            System.out.printf("  the engine's background thread meanwhile: %.2f JDBC calls/op, %.0f us/op inside them%n",
                    jdbc[9] / n, jdbc[8] / 1e3 / n);
            System.out.printf("  WAL per op: %.2f records, %.3f FPI, %.0f bytes (pg_stat_wal), %.0f bytes (insert LSN);"
                            + " %.2f writes, %.2f syncs, write %.0f us, sync %.0f us; commits %.2f; blocks read %.2f;"
                            + " checkpoints %.0f, buffers by checkpoint %.0f, by backends %.0f%n",
                    get("wal.wal_records") / n, get("wal.wal_fpi") / n, get("wal.wal_bytes") / n,
                    get("lsn_bytes") / n, get("wal.wal_write") / n, get("wal.wal_sync") / n,
                    get("wal.wal_write_time") * 1e3 / n, get("wal.wal_sync_time") * 1e3 / n,
                    get("db.xact_commit") / n, get("db.blks_read") / n,
                    get("bgw.checkpoints_timed") + get("bgw.checkpoints_req"), get("bgw.buffers_checkpoint"),
                    get("bgw.buffers_backend"));
            counters.forEach((key, value) -> {
                if (key.startsWith("t.") && Math.abs(value) / n >= 0.001) {
                    System.out.printf("  table %s: %.3f per op%n", key.substring(2), value / n);
                }
            });
            double serverTime = 0;
            double planTime = 0;
            for (double[] sums : statements.values()) {
                serverTime += sums[1];
                planTime += sums[6];
            }
            System.out.printf("  server execution time (pg_stat_statements, commits inside COMMIT only): %.0f us/op,"
                    + " planning %.0f us/op%n", serverTime * 1e3 / n, planTime * 1e3 / n);
            statements.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(12).forEach(entry -> {
                        double[] s = entry.getValue();
                        String query = entry.getKey();
                        System.out.printf("    %5.2f calls/op %7.0f us/op %5.0f plan us/op %6.2f rec/op %6.3f FPI/op"
                                        + " %7.0f B/op %5.2f reads/op  %s%n", s[0] / n, s[1] * 1e3 / n, s[6] * 1e3 / n,
                                s[2] / n, s[3] / n, s[4] / n, s[5] / n, query.length() > 110 ? query.substring(0, 110) + "..." : query);
                    });
        }

        private double get(String key) {
            return counters.getOrDefault(key, 0.0);
        }
    }

    /** The plan of the relay's delete of the whole outbox, as it stands after the last window (rolled back). */
    private static void explainOutboxDelete(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            System.out.println("outbox delete, after the last window (EXPLAIN ANALYZE, rolled back):");
            try (ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) DELETE FROM iotjobs_event"
                    + " WHERE sequence_number <= 9223372036854775807 AND event_type IN ('JobExecutionStatusChanged',"
                    + " 'JobExecutionCreated', 'JobExecutionDeleted', 'JobCreated', 'JobStatusChanged')")) {
                while (rows.next()) {
                    System.out.println("    " + rows.getString(1));
                }
            }
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static void execute(DataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(DataSource pool, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
