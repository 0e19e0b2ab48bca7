package dev.iotjobs.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.store.jdbc.JdbcJobRepository;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small demo of the engine: a fleet of simulated devices takes a firmware update.
 *
 * <p>It builds an engine over {@link InMemoryJobRepository}, registers {@code demo.things} things (default 1000)
 * in the thing group {@code demo-fleet}, creates a SNAPSHOT job with a job document over the group, and runs
 * {@code demo.threads} device threads (default 8). Each device makes the three calls a real one makes over MQTT:
 * {@code startNextPendingJobExecution}, {@code updateJobExecution} to IN_PROGRESS with its progress in
 * {@code statusDetails}, then {@code updateJobExecution} to its outcome: SUCCEEDED, or on purpose FAILED (3%) or
 * REJECTED (2%), drawn from {@code demo.seed} (default 42) and the thing's number, so the final counters do not
 * depend on thread scheduling. It prints how long registration took, the job's counters every tenth of the fleet,
 * then the final counters, the job's status (COMPLETED), the events seen by a subscriber, and the time.
 *
 * <p>From the repository root: {@code mvn -B -q -Pdemo -DskipTests package} (add {@code -Ddemo.things=10000}...;
 * {@code -Ddemo.store=h2} runs it on a fresh H2 file database under {@code benchmarks/target/demo-h2}, the
 * directory the demo profile passes as {@code demo.directory}).
 */
public final class FleetSimulation {
    /** The group the job targets. */
    static final String GROUP = "demo-fleet";
    /** The firmware job. */
    static final String JOB_ID = "firmware-2_4_1";
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final String DOCUMENT = """
            {"operation":"firmware-update","firmware":{"version":"2.4.1","sizeBytes":1048576,\
            "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},"reboot":true}""";
    /** Per mille of devices that fail the update, and that reject it. */
    private static final int FAILED_PER_MILLE = 30;
    private static final int REJECTED_PER_MILLE = 20;

    private FleetSimulation() {
    }

    /**
     * The outcome of a run.
     *
     * @param job the job at the end, with its counters
     * @param eventsSeen how many events the subscriber received
     * @param eventsByType those events by their type's simple name
     * @param roundTrips how many executions the devices finished
     * @param elapsedNanos how long the devices took, from the job's creation to the last device's end
     */
    public record Result(Job job, long eventsSeen, Map<String, Long> eventsByType, int roundTrips,
                         long elapsedNanos) {
    }

    /**
     * Runs the demo with {@code -Ddemo.things=}, {@code -Ddemo.threads=} and {@code -Ddemo.seed=}.
     *
     * @param args unused
     * @throws Exception if a device thread failed
     */
    public static void main(String[] args) throws Exception {
        int things = Integer.getInteger("demo.things", 1000);
        int threads = Integer.getInteger("demo.threads", 8);
        long seed = Long.getLong("demo.seed", 42L);
        String store = System.getProperty("demo.store", "memory");
        Result result;
        if (store.equals("h2")) {
            // A fresh H2 file database per run, pooled as a service would have it.
            Path file = Path.of(System.getProperty("demo.directory", "target"), "demo-h2",
                    "jobs-" + System.currentTimeMillis()).toAbsolutePath();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:file:" + file);
            config.setUsername("sa");
            config.setMaximumPoolSize(threads + 2);
            try (HikariDataSource h2 = new HikariDataSource(config);
                 JdbcJobRepository repository = JdbcJobRepository.create(h2)) {
                System.out.println("Store: H2 file database " + file);
                result = run(repository, things, threads, seed, System.out);
            }
        } else if (store.equals("memory")) {
            result = run(new InMemoryJobRepository(), things, threads, seed, System.out);
        } else {
            throw new IllegalArgumentException("demo.store must be memory or h2, got " + store);
        }
        if (result.job().status() != JobStatus.COMPLETED) {
            throw new IllegalStateException("the job ended " + result.job().status() + ", not COMPLETED");
        }
    }

    /**
     * Runs one simulation.
     *
     * @param things how many devices
     * @param threads how many device threads
     * @param seed draws which devices fail or reject
     * @param out where progress goes
     * @return the outcome
     * @throws Exception if a device thread failed
     */
    public static Result run(int things, int threads, long seed, PrintStream out) throws Exception {
        return run(new InMemoryJobRepository(), things, threads, seed, out);
    }

    /**
     * Runs one simulation on the given store.
     *
     * @param repository an empty store
     * @param things how many devices
     * @param threads how many device threads
     * @param seed draws which devices fail or reject
     * @param out where progress goes
     * @return the outcome
     * @throws Exception if a device thread failed
     */
    public static Result run(JobRepository repository, int things, int threads, long seed, PrintStream out)
            throws Exception {
        if (things < 1 || threads < 1) {
            throw new IllegalArgumentException("demo.things and demo.threads must be at least 1");
        }
        try (JobsEngine engine = JobsEngine.builder().repository(repository)
                .region(REGION).accountId(ACCOUNT).build()) {
            LongAdder eventsSeen = new LongAdder();
            Map<String, LongAdder> byType = new ConcurrentHashMap<>();
            engine.events().subscribe(event -> count(event, eventsSeen, byType));

            out.printf("Registering %d things in thing group %s%n", things, GROUP);
            long registering = System.nanoTime();
            List<String> names = Fleet.thingNames("sensor", 0, things);
            Fleet.register(engine.things(), GROUP, null, names);
            out.printf("Registered %d things in %.3f s (CreateThing and AddThingToThingGroup each, one thread)%n",
                    things, (System.nanoTime() - registering) / 1e9);

            long start = System.nanoTime();
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId(JOB_ID).document(DOCUMENT)
                    .description("Firmware 2.4.1 for the demo fleet")
                    .targets("arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thinggroup/" + GROUP).build());
            long created = System.nanoTime();
            // SPEC C4: CreateJob committed the first batch of executions; due work adds the rest batch by batch.
            engine.runDueWork();
            out.printf("Created SNAPSHOT job %s in %.3f s, its %d executions in %.3f s more (due work's batches); "
                    + "%d device threads start%n", JOB_ID, (created - start) / 1e9, things,
                    (System.nanoTime() - created) / 1e9, threads);

            AtomicInteger finished = new AtomicInteger();
            int reportEvery = Math.max(1, things / 10);
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "device");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> devices = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    devices.add(pool.submit(() -> {
                        // Thread t plays the devices t, t + threads, t + 2*threads, ...
                        for (int i = first; i < things; i += threads) {
                            if (updateFirmware(engine, names.get(i), outcome(seed, i))) {
                                int done = finished.incrementAndGet();
                                if (done % reportEvery == 0 && done < things) {
                                    printCounters(out, engine, done, things, start);
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> device : devices) {
                    device.get();
                }
            } finally {
                pool.shutdownNow();
            }
            long elapsed = System.nanoTime() - start;

            Job job = describe(engine);
            printCounters(out, engine, finished.get(), things, start);
            Map<String, Long> eventsByType = new TreeMap<>();
            byType.forEach((type, count) -> eventsByType.put(type, count.sum()));
            out.printf("Job %s: %s (FAILED and REJECTED devices are part of the demo: about 3%% and 2%%)%n", JOB_ID,
                    job.status());
            out.printf("Events seen by the subscriber: %d %s%n", eventsSeen.sum(), eventsByType);
            out.printf("%d devices in %.3f s (%.0f devices/s; 3 calls each: startNextPendingJobExecution, "
                            + "updateJobExecution to IN_PROGRESS, updateJobExecution to the outcome)%n",
                    finished.get(), elapsed / 1e9, finished.get() / (elapsed / 1e9));
            return new Result(job, eventsSeen.sum(), eventsByType, finished.get(), elapsed);
        }
    }

    /**
     * One device's whole update: start the next pending execution, report progress, report the outcome.
     *
     * @return whether there was an execution to run
     */
    private static boolean updateFirmware(JobsEngine engine, String thing, JobExecutionStatus outcome) {
        JobExecution started = engine.dataPlane().startNextPendingJobExecution(
                StartNextPendingJobExecutionRequest.builder().thingName(thing)
                        .statusDetails(Map.of("step", "downloading")).build()).execution();
        if (started == null) {
            return false;
        }
        // Optimistic concurrency as a device would use it: each update names the version it last saw.
        UpdateJobExecutionResponse progress = engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest
                .builder().jobId(started.jobId()).thingName(thing).status(JobExecutionStatus.IN_PROGRESS)
                .statusDetails(Map.of("step", "installing", "progress", "50%"))
                .expectedVersion(started.versionNumber()).includeJobExecutionState(true).build());
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId(started.jobId())
                .thingName(thing).status(outcome).statusDetails(details(outcome))
                .expectedVersion(progress.executionState().versionNumber()).build());
        return true;
    }

    /** @return the terminal status device {@code index} reports, the same for a seed on every run */
    static JobExecutionStatus outcome(long seed, int index) {
        int draw = new SplittableRandom(seed * 1_000_003L + index).nextInt(1000);
        if (draw < FAILED_PER_MILLE) {
            return JobExecutionStatus.FAILED;
        }
        if (draw < FAILED_PER_MILLE + REJECTED_PER_MILLE) {
            return JobExecutionStatus.REJECTED;
        }
        return JobExecutionStatus.SUCCEEDED;
    }

    private static Map<String, String> details(JobExecutionStatus outcome) {
        return switch (outcome) {
            case FAILED -> Map.of("step", "verifying", "reason", "checksum mismatch");
            case REJECTED -> Map.of("step", "downloading", "reason", "battery below 20%");
            default -> Map.of("step", "rebooted", "firmware", "2.4.1");
        };
    }

    private static void count(EngineEvent event, LongAdder seen, Map<String, LongAdder> byType) {
        seen.increment();
        byType.computeIfAbsent(event.getClass().getSimpleName(), type -> new LongAdder()).increment();
    }

    private static Job describe(JobsEngine engine) {
        return engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(JOB_ID).build()).job();
    }

    private static void printCounters(PrintStream out, JobsEngine engine, int done, int things, long start) {
        Job job = describe(engine);
        JobProcessDetails c = job.jobProcessDetails();
        out.printf("[%6.2f s] %3d%% done | %-11s | queued %d, in progress %d, succeeded %d, failed %d, "
                        + "rejected %d%n",
                (System.nanoTime() - start) / 1e9, done * 100L / things, job.status(),
                c.numberOfQueuedThings(), c.numberOfInProgressThings(), c.numberOfSucceededThings(),
                c.numberOfFailedThings(), c.numberOfRejectedThings());
    }
}
