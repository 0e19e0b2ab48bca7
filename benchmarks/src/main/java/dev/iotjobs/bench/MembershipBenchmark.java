package dev.iotjobs.bench;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.AddThingToThingGroupResponse;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.core.JobsEngine;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Continuous jobs following membership (SPEC G2): what {@code AddThingToThingGroup} costs on a group that
 * {@code jobs} (default 10) CONTINUOUS jobs target, each join queueing one execution per job.
 *
 * <p>In the same run, per store: {@link #joinUntargetedGroup}, the same join on a group no job targets (the
 * membership row, the revision checks and the index lookup that finds nothing), and the store's baseline,
 * {@link #baseline}: a bare {@link ConcurrentHashMap#compute} for memory, a bare single-row
 * {@code UPDATE ... SET n = n + 1} in auto-commit (one statement and its commit) on the same database and pool for
 * H2 and PostgreSQL (ARCHITECTURE.md, "Benchmarks": report the ratio).
 *
 * <p>Stores ({@code -p store=memory,h2,postgres}) as {@link BenchStore} opens them: an H2 file, an embedded
 * PostgreSQL 14 with durable commits. Per trial (untimed) {@code things} things registered in a staging group no job
 * targets; every join takes the next one, so each is a first join. SingleShotTime over batches of 100 operations:
 * one operation takes score / 100.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Membership}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g",
        "-Dorg.slf4j.simpleLogger.log.io.zonky=warn", "-Dorg.slf4j.simpleLogger.log.org.flywaydb=warn",
        "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn"})
@Warmup(iterations = 3, batchSize = 100)
@Measurement(iterations = 5, batchSize = 100)
@State(Scope.Benchmark)
public class MembershipBenchmark {
    private static final String TARGETED = "followed";
    private static final String UNTARGETED = "plain";
    private static final String STAGING = "staging";
    private static final int SETUP_THREADS = 8;

    /** {@code memory}, {@code h2} (a file) or {@code postgres} (embedded). */
    @Param({"memory", "h2", "postgres"})
    public String store;

    /** CONTINUOUS jobs targeting the joined group. */
    @Param({"10"})
    public int jobs;

    /** Things registered for the joins: at least the trial's joins (8 batches of 100). */
    @Param({"1000"})
    public int things;

    private BenchStore stores;
    private JobsEngine engine;
    private List<String> names;
    private int next;
    private DataSource pool;
    private final ConcurrentHashMap<String, Long> map = new ConcurrentHashMap<>();
    private int key;

    /** The store, the things, the two groups, the continuous jobs, the baseline's row. */
    @Setup(Level.Trial)
    public void startStore() throws Exception {
        stores = BenchStore.open(store, SETUP_THREADS + 2);
        engine = stores.engine(Clock.systemUTC());
        names = Fleet.thingNames("joiner", 0, things);
        Fleet.registerInParallel(engine.things(), STAGING, null, names, store.equals("memory") ? 1 : SETUP_THREADS);
        for (String group : List.of(TARGETED, UNTARGETED)) {
            engine.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName(group).build());
        }
        for (int j = 0; j < jobs; j++) {
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId("follow-" + j)
                    .document("{\"operation\":\"configure\"}").targetSelection(TargetSelection.CONTINUOUS)
                    .targets(List.of(BenchStore.groupArn(TARGETED))).build());
        }
        engine.runDueWork();   // SPEC C4: the group's things past CreateJob's first batch
        pool = stores.pool();
        if (pool != null) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE bench_counter (id INT PRIMARY KEY, n BIGINT NOT NULL)");
                statement.execute("INSERT INTO bench_counter (id, n) VALUES (0, 0)");
            }
        }
        for (int i = 0; i < 1000; i++) {
            map.put("k" + i, 0L);
        }
    }

    /** @return AddThingToThingGroup on the group of the continuous jobs: one new execution per job */
    @Benchmark
    public AddThingToThingGroupResponse joinFollowedGroup() {
        return join(TARGETED);
    }

    /** @return AddThingToThingGroup on a group no job targets */
    @Benchmark
    public AddThingToThingGroupResponse joinUntargetedGroup() {
        return join(UNTARGETED);
    }

    /** @return the store's baseline: a bare map update, or a bare single-row UPDATE and its commit */
    @Benchmark
    public long baseline() throws SQLException {
        if (pool == null) {
            return map.compute("k" + (key++ % 1000), (k, n) -> n + 1);
        }
        try (Connection connection = pool.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE bench_counter SET n = n + 1 WHERE id = 0")) {
            return update.executeUpdate();
        }
    }

    private AddThingToThingGroupResponse join(String group) {
        if (next == names.size()) {
            throw new IllegalStateException("no thing left to join: raise -p things=");
        }
        return engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName(group)
                .thingName(names.get(next++)).build());
    }

    /** Checks the joins queued what they should (X1), then closes the engine and the store. */
    @TearDown(Level.Trial)
    public void stopStore() throws IOException {
        int queued = engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId("follow-0").build()).job()
                .jobProcessDetails().numberOfQueuedThings();
        System.out.printf("%n[check] %d joins, follow-0 has %d QUEUED%n", next, queued);
        engine.close();
        stores.close();
    }
}
