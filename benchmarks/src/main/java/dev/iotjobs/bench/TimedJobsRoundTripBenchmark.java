package dev.iotjobs.bench;

import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import dev.iotjobs.store.memory.InMemoryJobRepository;
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
 * Issue 4, item 9: the cost of a device round trip does not grow with the number of jobs that have timers. The
 * device round trip of {@link DeviceRoundTripBenchmark} ({@code startNextPendingJobExecution}, then SUCCEEDED) on
 * {@link InMemoryJobRepository}, with {@code timedJobs} other jobs (each with {@code timeoutConfig}, 60 minutes)
 * holding an IN_PROGRESS execution with a pending deadline on a thing of its own. The clock stands still, so none
 * of those timers comes due.
 *
 * <p>Set-up (untimed): per trial, {@value #ROUND_TRIPS} things in a group, the timed jobs and their started
 * executions; per iteration, one job (no timeout) on the group, so every thing has one QUEUED execution; after the
 * iteration, that job is force-deleted and its cascade run. One iteration is one batch of {@value #ROUND_TRIPS}
 * round trips (SingleShotTime, {@code batchSize}); round trips per second = {@value #ROUND_TRIPS} / score.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TimedJobsRoundTrip} (do not change {@code -bs}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, batchSize = TimedJobsRoundTripBenchmark.ROUND_TRIPS)
@Measurement(iterations = 5, batchSize = TimedJobsRoundTripBenchmark.ROUND_TRIPS)
@State(Scope.Benchmark)
public class TimedJobsRoundTripBenchmark {
    /** Round trips per iteration: one per thing of the group. */
    static final int ROUND_TRIPS = 50_000;
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final String GROUP = "rt-fleet";
    private static final String DOCUMENT = "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}";

    /** Other jobs with a timeoutConfig and an IN_PROGRESS execution whose deadline is pending. */
    @Param({"0", "1000"})
    public int timedJobs;

    private JobsEngine engine;
    private JobsDataPlane devices;
    private String[] things;
    private int next;
    private String jobId;
    private int jobNumber;

    /** The engine, the round-trip things, and the timed jobs with their executions started. */
    @Setup(Level.Trial)
    public void setUp() {
        engine = JobsEngine.builder().repository(new InMemoryJobRepository())
                .clock(new MutableClock(Instant.parse("2030-01-01T00:00:00Z")))
                .region(REGION).accountId(ACCOUNT).build();
        devices = engine.dataPlane();
        things = Fleet.thingNames("rt", 0, ROUND_TRIPS).toArray(String[]::new);
        Fleet.register(engine.things(), GROUP, null, List.of(things));
        List<String> timerThings = Fleet.thingNames("timer", 0, timedJobs);
        Fleet.register(engine.things(), "timer-fleet", null, timerThings);
        for (int i = 0; i < timedJobs; i++) {
            String thing = timerThings.get(i);
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId("timed-" + i).document(DOCUMENT)
                    .targets("arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thing/" + thing)
                    .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(60L).build()).build());
            JobExecution started = devices.startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                    .thingName(thing).build()).execution();
            if (started == null || started.approximateSecondsBeforeTimedOut() == null) {
                throw new IllegalStateException("timed job " + i + " did not start with a deadline: " + started);
            }
        }
    }

    /** One QUEUED execution per thing. */
    @Setup(Level.Iteration)
    public void queueJob() {
        jobId = "firmware-" + (++jobNumber);
        next = 0;
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document(DOCUMENT)
                .targets("arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thinggroup/" + GROUP).build());
        engine.runDueWork();   // SPEC C4: the group's things past CreateJob's first batch
    }

    /** @return the device's update: start next, then SUCCEEDED */
    @Benchmark
    public UpdateJobExecutionResponse roundTrip() {
        String thing = things[next++];
        JobExecution started = devices.startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName(thing).build()).execution();
        return devices.updateJobExecution(UpdateJobExecutionRequest.builder().jobId(started.jobId())
                .thingName(thing).status(JobExecutionStatus.SUCCEEDED).build());
    }

    /** Deletes the iteration's job, so every iteration starts on the same store. */
    @TearDown(Level.Iteration)
    public void deleteJob() {
        if (next != ROUND_TRIPS) {
            throw new IllegalStateException("expected " + ROUND_TRIPS + " round trips, did " + next);
        }
        engine.controlPlane().deleteJob(DeleteJobRequest.builder().jobId(jobId).force(true).build());
        engine.runDueWork();
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }
}
