package dev.iotjobs.bench;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
 * Due work (issue 4, item 9): {@link JobsEngine#runDueWork()} timing out {@code executions} IN_PROGRESS executions
 * whose deadlines all fall at the same instant, on each store. Executions handled per second = {@code executions}
 * / score (the score is the seconds one {@code runDueWork()} took).
 *
 * <p><b>Stores</b> ({@code -p store=memory,h2,postgres}), each set up once per trial:
 * <ul>
 *   <li>{@code memory}: {@link InMemoryJobRepository}.</li>
 *   <li>{@code h2}: an H2 2.x file database in a temp dir, H2 defaults, through HikariCP.</li>
 *   <li>{@code postgres}: embedded PostgreSQL 14 with durable defaults ({@code fsync=on},
 *       {@code synchronous_commit=on}), as in {@link JdbcRoundTripBenchmark}, through HikariCP.</li>
 * </ul>
 *
 * <p><b>Set-up</b> (untimed): per trial, the store, an engine on a hand-moved clock, and {@code executions} things
 * in one group (registered on several threads; a durable database commits once per call). Per iteration: a fresh
 * job on the group with {@code timeoutConfig.inProgressTimeoutInMinutes = 1}, every execution started with
 * {@code startNextPendingJobExecution} (on several threads) while the clock stands still, so all deadlines are the
 * same instant, then the clock moved 2 minutes on. The things and the store are per trial rather than per
 * iteration because registering 100,000 things on a durable database takes minutes; the previous iteration's job
 * is force-deleted (and its cascade run) after each iteration, so every iteration starts on the same tables.
 *
 * <p><b>One operation</b>: one {@code runDueWork()}, which must leave all {@code executions} TIMED_OUT (checked
 * after the iteration on the job's counters).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DueWork}; quick: add {@code -p executions=10000}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
        "-Dorg.slf4j.simpleLogger.log.io.zonky=warn", "-Dorg.slf4j.simpleLogger.log.org.flywaydb=warn",
        "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class DueWorkBenchmark {
    private static final String GROUP = "due-fleet";
    private static final String DOCUMENT = "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}";
    /** Threads that register things and start executions at set-up. */
    private static final int SETUP_THREADS = 8;

    /** {@code memory}, {@code h2} (a file) or {@code postgres} (embedded). */
    @Param({"memory", "h2", "postgres"})
    public String store;

    /** IN_PROGRESS executions that time out at the same instant. */
    @Param({"100000"})
    public int executions;

    private BenchStore stores;
    private JobsEngine engine;
    private MutableClock clock;
    private List<String> things;
    private String jobId;
    private int jobNumber;
    private int changes;

    /** The store, the engine and the things. */
    @Setup(Level.Trial)
    public void startStore() throws Exception {
        stores = BenchStore.open(store, SETUP_THREADS + 2);
        clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        engine = stores.engine(clock);
        things = Fleet.thingNames("due", 0, executions);
        long t0 = System.nanoTime();
        Fleet.registerInParallel(engine.things(), GROUP, null, things, setupThreads());
        System.out.printf("%n[setup] registered %d things in %.1f s%n", executions, seconds(t0));
    }

    /** A job with a 1-minute in-progress timeout, every execution started, the clock moved past the deadline. */
    @Setup(Level.Iteration)
    public void startExecutions() throws Exception {
        jobId = "timed-" + (++jobNumber);
        changes = 0;
        long t0 = System.nanoTime();
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document(DOCUMENT)
                .targets(BenchStore.groupArn(GROUP))
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(1L).build()).build());
        engine.runDueWork();   // SPEC C4: the group's things past CreateJob's first batch
        long t1 = System.nanoTime();
        Fleet.inParallel(executions, setupThreads(), i -> {
            String thing = things.get(i);
            JobExecution started = engine.dataPlane().startNextPendingJobExecution(
                    StartNextPendingJobExecutionRequest.builder().thingName(thing).build()).execution();
            if (started == null || !started.jobId().equals(jobId)) {
                throw new IllegalStateException("thing " + thing + " did not start " + jobId + ": " + started);
            }
        });
        JobProcessDetails details = details();
        if (details.numberOfInProgressThings() != executions) {
            throw new IllegalStateException("expected " + executions + " IN_PROGRESS, got " + details);
        }
        clock.advance(Duration.ofMinutes(2));
        System.out.printf("%n[setup] createJob %.1f s, %d starts %.1f s%n", (t1 - t0) / 1e9, executions,
                seconds(t1));
    }

    /** @return what due work changed (executions timed out plus job steps) */
    @Benchmark
    public int runDueWork() {
        int made = engine.runDueWork();
        changes += made;
        return made;
    }

    /** Checks that every execution timed out, then deletes the job so the next iteration starts on the same store. */
    @TearDown(Level.Iteration)
    public void checkAndDelete() {
        JobProcessDetails details = details();
        Integer timedOut = details.numberOfTimedOutThings();
        Integer inProgress = details.numberOfInProgressThings();
        if (changes < 1 || timedOut == null || timedOut != executions || (inProgress != null && inProgress != 0)) {
            throw new IllegalStateException("after " + changes + " changes by due work expected " + executions
                    + " TIMED_OUT, got " + details);
        }
        System.out.printf("%n[check] %d TIMED_OUT, %d changes by due work%n", timedOut, changes);
        engine.controlPlane().deleteJob(DeleteJobRequest.builder().jobId(jobId).force(true).build());
        engine.runDueWork();
    }

    /** Closes the engine, the pool and the server, and deletes the files. */
    @TearDown(Level.Trial)
    public void stopStore() throws IOException {
        engine.close();
        stores.close();
    }

    private JobProcessDetails details() {
        return engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job()
                .jobProcessDetails();
    }

    private int setupThreads() {
        return store.equals("memory") ? 1 : SETUP_THREADS;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
