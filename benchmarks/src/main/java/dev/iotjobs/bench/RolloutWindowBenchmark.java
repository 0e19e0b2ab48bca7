package dev.iotjobs.bench;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Gradual rollout (SPEC T7): what one 60-second window costs in due work. A job on a group of {@code things} things
 * rolls out at {@code maximumPerMinute = 1000}; one operation moves the hand clock a minute on and runs
 * {@link JobsEngine#runDueWork()}, which reads the next 1,000 held-back things, checks they still exist and creates
 * their executions. SingleShotTime over batches of 10 operations: one window takes score / 10; executions rolled
 * out per second = 10,000 / score.
 *
 * <p>The baseline in the same run, {@link #createJobOf1000Things}, is CreateJob without a rollout on a group of
 * 1,000 things: the same 1,000 executions created at once, without the rollout's bookkeeping.
 *
 * <p>Stores ({@code -p store=memory,h2,postgres}) as in {@link DueWorkBenchmark}. Per iteration a fresh job; its
 * creation (the first window plus {@code things - 1000} held-back rows) is set-up, printed, not measured.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RolloutWindow}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, batchSize = 10)
@Measurement(iterations = 4, batchSize = 10)
@State(Scope.Benchmark)
public class RolloutWindowBenchmark {
    private static final String FLEET = "rollout-fleet";
    private static final String SMALL = "rollout-small";
    private static final String DOCUMENT = "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}";
    private static final int RATE = 1000;
    private static final int SETUP_THREADS = 8;

    /** {@code memory}, {@code h2} (a file) or {@code postgres} (embedded). */
    @Param({"memory", "h2", "postgres"})
    public String store;

    /** Things the rolled-out job targets. */
    @Param({"100000"})
    public int things;

    private BenchStore stores;
    private JobsEngine engine;
    private MutableClock clock;
    private String jobId;
    private int jobNumber;
    private int windows;
    private final List<String> baselineJobs = new ArrayList<>();

    /** The store, the engine, the big group and the small one. */
    @Setup(Level.Trial)
    public void startStore() throws Exception {
        stores = BenchStore.open(store, SETUP_THREADS + 2);
        clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        engine = stores.engine(clock);
        int threads = store.equals("memory") ? 1 : SETUP_THREADS;
        Fleet.registerInParallel(engine.things(), FLEET, null, Fleet.thingNames("roll", 0, things), threads);
        Fleet.registerInParallel(engine.things(), SMALL, null, Fleet.thingNames("small", 0, RATE), threads);
    }

    /** A fresh job on the big group at 1,000 per minute; its first window rolls out at creation. */
    @Setup(Level.Iteration)
    public void createRolledOutJob() {
        jobId = "rollout-" + (++jobNumber);
        windows = 0;
        long t0 = System.nanoTime();
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document(DOCUMENT)
                .targets(List.of(BenchStore.groupArn(FLEET)))
                .jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(RATE).build())
                .build());
        System.out.printf("%n[setup] createJob holding back %d things: %.1f s%n", things - RATE,
                (System.nanoTime() - t0) / 1e9);
    }

    /** @return what due work changed */
    @Benchmark
    public int rollOutOneWindow() {
        clock.advance(Duration.ofMinutes(1));
        windows++;
        return engine.runDueWork();
    }

    /** @return the baseline: 1,000 executions created at once by CreateJob without a rollout */
    @Benchmark
    public String createJobOf1000Things() {
        String id = "burst-" + (++jobNumber);
        baselineJobs.add(id);
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId(id).document(DOCUMENT)
                .targets(List.of(BenchStore.groupArn(SMALL))).build());
        return id;
    }

    /** Checks the windows created what they should, then deletes the jobs so the next iteration starts alike. */
    @TearDown(Level.Iteration)
    public void checkAndDelete() {
        JobProcessDetails details = engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId)
                .build()).job().jobProcessDetails();
        int expected = Math.min(things, RATE * (windows + 1));
        if (details.numberOfQueuedThings() != expected) {
            throw new IllegalStateException("after " + windows + " windows expected " + expected + " QUEUED, got "
                    + details);
        }
        System.out.printf("%n[check] %d windows, %d QUEUED%n", windows, details.numberOfQueuedThings());
        baselineJobs.add(jobId);
        for (String id : baselineJobs) {
            // One at a time: at most 10 jobs may be in deletion at once (SPEC J12).
            engine.controlPlane().deleteJob(DeleteJobRequest.builder().jobId(id).force(true).build());
            engine.runDueWork();
        }
        baselineJobs.clear();
    }

    /** Closes the engine, the pool and the server, and deletes the files. */
    @TearDown(Level.Trial)
    public void stopStore() throws IOException {
        engine.close();
        stores.close();
    }
}
