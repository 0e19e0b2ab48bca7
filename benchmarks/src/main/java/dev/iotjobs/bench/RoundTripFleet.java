package dev.iotjobs.bench;

import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.core.JobsEngine;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The engine of a round-trip benchmark with its supply of QUEUED executions: fresh jobs on the whole fleet before
 * each iteration, deleted after it, and one more job on a thread's slice, inline and so timed, when the thread
 * outruns them. Each benchmark's JMH state extends it with its store and its {@code jobsPerIteration} default.
 */
abstract class RoundTripFleet {
    private static final String DOCUMENT = "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}";

    JobsEngine engine;
    JobsDataPlane devices;
    private final Queue<String> jobsOfIteration = new ConcurrentLinkedQueue<>();
    private final AtomicLong jobNumber = new AtomicLong();
    private final AtomicLong warmupRefills = new AtomicLong();
    private final AtomicLong measuredRefills = new AtomicLong();
    private volatile boolean measuring;

    /** @return jobs queued on the whole fleet before each iteration (QUEUED executions per thing) */
    abstract int jobsPerIteration();

    /**
     * @param notifications a benchmark's {@code notifications} parameter: {@code on} or {@code off}
     * @return whether the engine emits the device notifications (SPEC E4): the value for
     *     {@link JobsEngine.Builder#deviceNotifications}
     * @throws IllegalArgumentException for any other value, so that a mistyped {@code -p notifications=} fails the
     *     trial instead of measuring the default
     */
    static boolean deviceNotifications(String notifications) {
        return onOff("notifications", notifications);
    }

    /**
     * @param parameter the benchmark parameter's name, for the error
     * @param value its value
     * @return whether it is {@code on}
     * @throws IllegalArgumentException if it is neither {@code on} nor {@code off}
     */
    static boolean onOff(String parameter, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(parameter + " must be on or off, not " + value);
        };
    }

    /**
     * @param started the engine over the benchmark's store; its background thread is started, as a server's is, so
     *     that the outbox clean-up runs there and not on the devices' threads
     */
    void use(JobsEngine started) {
        use(started, true);
    }

    /**
     * @param built the engine over the benchmark's store
     * @param background whether to start its background thread ({@link #use(JobsEngine)}); without it nobody runs
     *     the periodic due work during the run, and the outbox is dropped by the devices' own commits, one delete
     *     every 256 commits (issue 12, item 8: the experiment that shows what the background relay costs them)
     */
    void use(JobsEngine built, boolean background) {
        engine = background ? built.start() : built;
        devices = built.dataPlane();
    }

    /** {@code jobsPerIteration} QUEUED executions for every thing of the fleet. */
    @Setup(Level.Iteration)
    public void queueJobs(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        queueJobs();
    }

    void queueJobs() {
        for (int i = 0; i < jobsPerIteration(); i++) {
            queueJob(Slices.ROOT);
        }
        dropSetUpEvents();
    }

    /** Deletes the iteration's jobs with their executions, so every iteration starts on a store of the same size. */
    @TearDown(Level.Iteration)
    public void deleteJobs() {
        for (String jobId = jobsOfIteration.poll(); jobId != null; jobId = jobsOfIteration.poll()) {
            engine.controlPlane().deleteJob(DeleteJobRequest.builder().jobId(jobId).force(true).build());
            engine.runDueWork();
        }
        dropSetUpEvents();
    }

    /**
     * Drops the outbox the set-up filled, untimed. Nobody subscribes, so the relay would otherwise delete it within
     * the measured window, in the commit that happens to be the 256th: for 2 jobs on 20,000 things with notifications
     * on that is 120,000 rows and took 2-3 s of a 4 s iteration on H2, which the round trips would be charged for.
     */
    private void dropSetUpEvents() {
        engine.relayEvents();
    }

    /** Reports what was timed that should not have been. */
    @TearDown(Level.Trial)
    public void report() {
        if (warmupRefills.get() + measuredRefills.get() > 0) {
            System.out.printf("%ninline refills: %d in warmup, %d measured (raise -p jobsPerIteration)%n",
                    warmupRefills.get(), measuredRefills.get());
        }
        engine.close();
    }

    void queueJob(String group) {
        String jobId = "firmware-" + jobNumber.incrementAndGet();
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document(DOCUMENT)
                .targets(BenchStore.groupArn(group)).build());
        engine.runDueWork();   // SPEC C4: the group's things past CreateJob's first batch
        jobsOfIteration.add(jobId);
    }

    /** @return the device's update of the execution it started for the walker's next thing */
    UpdateJobExecutionResponse roundTrip(SliceCursor walker) {
        if (walker.atEndOfPass() && walker.passes + 1 >= jobsPerIteration() + walker.refills) {
            // Rare (see the benchmarks' class comments), and timed: this thread outran the iteration's jobs.
            (measuring ? measuredRefills : warmupRefills).incrementAndGet();
            walker.refills++;
            queueJob(walker.group);
        }
        String thing = walker.nextThing();
        JobExecution started = devices.startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName(thing).build()).execution();
        if (started == null) {
            throw new IllegalStateException("thing " + thing + " had no QUEUED execution: the supply is wrong");
        }
        return devices.updateJobExecution(UpdateJobExecutionRequest.builder().jobId(started.jobId())
                .thingName(thing).status(JobExecutionStatus.SUCCEEDED).build());
    }
}
