package dev.iotjobs.bench;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobResponse;
import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummaryForJob;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.JobsEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The demo of the engine at fleet scale: a fleet of simulated devices takes a firmware update.
 *
 * <p>It registers {@code demo.things} things (default 1000) in the thing group {@code demo-fleet} on
 * {@code demo.registrationThreads} threads (default {@code demo.threads}), creates a SNAPSHOT job over the group with
 * an in-progress timeout of one minute and retries (FAILED: 1, TIMED_OUT: 1), lets the engine's background thread
 * ({@link JobsEngine#start()}) expand the group batch by batch (SPEC C4), then runs {@code demo.threads} device
 * threads (default 8). What each device does is drawn from {@code demo.seed} (default 42) and its number
 * ({@link DeviceBehaviour}): most succeed; 3% fail and take their retry at once (a third of those fail again);
 * 2% reject; 1% report IN_PROGRESS and go silent, so the engine times them out and queues their retry, which they take
 * when they come back after the rest of the fleet. The job then completes.
 *
 * <p>It prints each phase's time as the phase ends (registration, the CreateJob call, the expansion until every
 * execution exists, the device phase, the timeouts, the silent devices' return, the job's completion, the final
 * count), a progress line every {@code demo.progressSeconds} (default 5), and at the end the job's counters beside
 * the executions listed by status and beside the figures the seed implies; it fails if they differ.
 *
 * <p>From the repository root: {@code mvn -B -q -Pdemo -DskipTests package}, with {@code -Ddemo.things=1000000}
 * and so on; {@code -Ddemo.store=h2} runs it on a fresh H2 file database, {@code -Ddemo.store=postgres} on a fresh
 * embedded PostgreSQL with durable commits ({@link BenchDatabase}), both in a directory under
 * {@code benchmarks/target/demo-<store>} (the demo profile passes {@code demo.directory}) that is deleted at the end.
 */
public final class FleetSimulation {
    /** The group the job targets. */
    static final String GROUP = "demo-fleet";
    /** The firmware job. */
    static final String JOB_ID = "firmware-2_4_1";
    /** The job's in-progress timeout, the smallest SPEC V3 allows. */
    static final long TIMEOUT_MINUTES = 1;
    private static final String DOCUMENT = """
            {"operation":"firmware-update","firmware":{"version":"2.4.1","sizeBytes":1048576,\
            "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},"reboot":true}""";
    private static final List<String> STORES = List.of("memory", "h2", "postgres");

    private FleetSimulation() {
    }

    /**
     * How to run a simulation.
     *
     * @param things how many devices
     * @param threads how many device threads
     * @param registrationThreads how many threads register the things
     * @param seed draws what each device does
     * @param progressEvery how often a progress line is printed (zero: never)
     * @param stallLimit how long a wait may see no change before the run fails (a livelock or a dead background thread)
     */
    public record Settings(int things, int threads, int registrationThreads, long seed, Duration progressEvery,
                           Duration stallLimit) {
        /** Checks the sizes. */
        public Settings {
            if (things < 1 || threads < 1 || registrationThreads < 1) {
                throw new IllegalArgumentException("demo.things, demo.threads and demo.registrationThreads must be "
                        + "at least 1");
            }
        }

        /** @return settings with the defaults beside the given sizes and seed */
        public static Settings of(int things, int threads, long seed) {
            return new Settings(things, threads, threads, seed, Duration.ofSeconds(5), Duration.ofMinutes(2));
        }
    }

    /**
     * One phase's duration.
     *
     * @param name the phase
     * @param seconds how long it took
     */
    public record Phase(String name, double seconds) {
    }

    /**
     * The outcome of a run.
     *
     * @param job the job at the end, with its counters
     * @param eventsSeen how many events the subscriber received
     * @param eventsByType those events by their type's simple name
     * @param roundTrips how many executions the devices finished (start, IN_PROGRESS, outcome)
     * @param elapsedNanos how long the device phase took
     * @param phases every phase's duration, in order
     * @param listed the job's executions by status, as ListJobExecutionsForJob pages them at the end
     * @param expected the executions by status that the seed implies
     */
    public record Result(Job job, long eventsSeen, Map<String, Long> eventsByType, int roundTrips,
                         long elapsedNanos, List<Phase> phases, Map<JobExecutionStatus, Long> listed,
                         Map<JobExecutionStatus, Long> expected) {
    }

    /**
     * Runs the demo with {@code -Ddemo.store=memory|h2|postgres}, {@code -Ddemo.things=}, {@code -Ddemo.threads=},
     * {@code -Ddemo.registrationThreads=}, {@code -Ddemo.seed=} and {@code -Ddemo.progressSeconds=}.
     *
     * @param args unused
     * @throws Exception if a device thread failed, or the job or its counters did not end as expected
     */
    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("demo.threads", 8);
        Settings settings = new Settings(Integer.getInteger("demo.things", 1000), threads,
                Integer.getInteger("demo.registrationThreads", threads), Long.getLong("demo.seed", 42L),
                Duration.ofSeconds(Long.getLong("demo.progressSeconds", 5L)),
                Duration.ofSeconds(Long.getLong("demo.stallSeconds", 120L)));
        String store = System.getProperty("demo.store", "memory");
        if (!STORES.contains(store)) {
            throw new IllegalArgumentException("demo.store must be one of " + STORES + ", got " + store);
        }
        // Keep the engine's warnings; quiet the start-up chatter of the embedded server, Flyway and the pool.
        for (String chatty : List.of("io.zonky", "org.flywaydb", "com.zaxxer.hikari")) {
            System.setProperty("org.slf4j.simpleLogger.log." + chatty,
                    System.getProperty("org.slf4j.simpleLogger.log." + chatty, "warn"));
        }
        Path parent = Path.of(System.getProperty("demo.directory", "target"), "demo-" + store).toAbsolutePath();
        long opening = System.nanoTime();
        try (BenchStore bench = BenchStore.open(store, Math.max(threads, settings.registrationThreads()) + 4, parent)) {
            System.out.printf("Store: %s (%s, opened in %.1f s)%n", store, bench.describe(),
                    (System.nanoTime() - opening) / 1e9);
            run(bench, settings, System.out);
        }
        System.out.println("Store closed" + (store.equals("memory") ? "" : "; its files are deleted"));
    }

    /**
     * Runs one simulation on the memory store, with progress lines every 5 s.
     *
     * @param things how many devices
     * @param threads how many device threads
     * @param seed draws what each device does
     * @param out where progress goes
     * @return the outcome
     * @throws Exception if a device thread failed, or the job or its counters did not end as expected
     */
    public static Result run(int things, int threads, long seed, PrintStream out) throws Exception {
        try (BenchStore memory = BenchStore.open("memory", 0)) {
            return run(memory, Settings.of(things, threads, seed), out);
        }
    }

    /**
     * Runs one simulation.
     *
     * @param store an empty store
     * @param settings the fleet and how to run it
     * @param out where progress goes
     * @return the outcome
     * @throws Exception if a device thread failed, or the job or its counters did not end as expected
     */
    public static Result run(BenchStore store, Settings settings, PrintStream out) throws Exception {
        SimulationClock clock = new SimulationClock();
        try (JobsEngine engine = store.engine(clock).start();
             ProgressReporter progress = new ProgressReporter(out, settings.progressEvery())) {
            return new Run(engine, clock, settings, out, progress).simulate();
        }
    }

    /** One run's state: the engine, the phases so far, the devices' counts. */
    private static final class Run {
        private final JobsEngine engine;
        private final SimulationClock clock;
        private final Settings settings;
        private final PrintStream out;
        private final ProgressReporter progress;
        private final List<String> names;
        private final List<Phase> phases = new ArrayList<>();
        private final LongAdder eventsSeen = new LongAdder();
        private final Map<String, LongAdder> eventsByType = new ConcurrentHashMap<>();
        private final LongAdder roundTrips = new LongAdder();
        private final AtomicReference<Instant> lastSilentStart = new AtomicReference<>(Instant.EPOCH);
        private long phaseStart;

        Run(JobsEngine engine, SimulationClock clock, Settings settings, PrintStream out, ProgressReporter progress) {
            this.engine = engine;
            this.clock = clock;
            this.settings = settings;
            this.out = out;
            this.progress = progress;
            this.names = Fleet.thingNames("sensor", 0, settings.things());
        }

        Result simulate() throws Exception {
            int things = settings.things();
            engine.events().subscribe(this::count);
            List<Integer> silent = new ArrayList<>();
            for (int i = 0; i < things; i++) {
                if (DeviceBehaviour.of(settings.seed(), i) == DeviceBehaviour.GOES_SILENT) {
                    silent.add(i);
                }
            }
            out.printf("Fleet: %,d things in thing group %s; %d device threads; seed %d (%,d devices go silent)%n",
                    things, GROUP, settings.threads(), settings.seed(), silent.size());

            LongAdder registered = new LongAdder();
            begin("register", rate("things registered", registered));
            Fleet.registerInParallel(engine.things(), GROUP, null, names, settings.registrationThreads(), registered);
            end("registration", "%,d things created and added to %s on %d threads (2 commits each): %,.0f things/s",
                    things, GROUP, settings.registrationThreads(), things / lastSeconds());

            begin("create", () -> "");
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId(JOB_ID).document(DOCUMENT)
                    .description("Firmware 2.4.1 for the demo fleet").targets(BenchStore.groupArn(GROUP))
                    .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(TIMEOUT_MINUTES).build())
                    .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                            RetryCriteria.builder().failureType(RetryableFailureType.FAILED).numberOfRetries(1).build(),
                            RetryCriteria.builder().failureType(RetryableFailureType.TIMED_OUT).numberOfRetries(1)
                                    .build()).build())
                    .build());
            end("CreateJob", "the call returned with %,d executions (in-progress timeout %d min; retries FAILED 1, "
                    + "TIMED_OUT 1)", total(describe().jobProcessDetails()), TIMEOUT_MINUTES);

            begin("expand", this::counters);
            Job expanded = await("the expansion", job -> total(job.jobProcessDetails()),
                    job -> total(job.jobProcessDetails()) >= things && !Boolean.TRUE.equals(job.isConcurrent()));
            end("expansion", "%,d executions exist, created by the engine's due work in batches of %,d: %,.0f/s",
                    total(expanded.jobProcessDetails()), JobsEngine.DEFAULT_BATCH_SIZE, things / lastSeconds());

            // The silent devices go first on each thread, so that their deadlines pass while the fleet still works.
            List<List<Integer>> shares = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                List<Integer> share = new ArrayList<>();
                for (int i = t; i < things; i += settings.threads()) {
                    if (DeviceBehaviour.of(settings.seed(), i) == DeviceBehaviour.GOES_SILENT) {
                        share.add(i);
                    }
                }
                for (int i = t; i < things; i += settings.threads()) {
                    if (DeviceBehaviour.of(settings.seed(), i) != DeviceBehaviour.GOES_SILENT) {
                        share.add(i);
                    }
                }
                shares.add(share);
            }
            begin("devices", jobRate());
            long devicesStart = System.nanoTime();
            onThreads(shares, this::firstVisit);
            long devicesNanos = System.nanoTime() - devicesStart;
            end("devices", "%,d round trips by %d threads (startNext, IN_PROGRESS, outcome; FAILED ones take their "
                    + "retry at once): %,.0f round trips/s", roundTrips.sum(), settings.threads(),
                    roundTrips.sum() / lastSeconds());

            begin("timeouts", this::counters);
            Instant deadline = lastSilentStart.get().plus(Duration.ofMinutes(TIMEOUT_MINUTES)).plusSeconds(1);
            Duration ahead = Duration.between(clock.instant(), deadline);
            if (!silent.isEmpty() && !ahead.isNegative()) {
                out.printf("  the last silent device's deadline is %.1f s away: the simulated clock skips there%n",
                        ahead.toMillis() / 1e3);
                clock.skip(ahead);
            }
            Job timedOut = await("the timeouts", job -> job.jobProcessDetails().numberOfTimedOutThings(),
                    job -> job.jobProcessDetails().numberOfTimedOutThings() >= silent.size()
                            && job.jobProcessDetails().numberOfInProgressThings() == 0);
            end("timeouts", "%,d silent devices TIMED_OUT by the engine's due work, each retry queued (clock skipped "
                    + "%.1f s in all)", timedOut.jobProcessDetails().numberOfTimedOutThings(),
                    clock.skipped().toMillis() / 1e3);

            begin("return", jobRate());
            long before = roundTrips.sum();
            List<List<Integer>> returning = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                returning.add(new ArrayList<>());
            }
            for (int s = 0; s < silent.size(); s++) {
                returning.get(s % settings.threads()).add(silent.get(s));
            }
            onThreads(returning, this::comeBack);
            end("return", "%,d silent devices back online took their retry and SUCCEEDED",
                    roundTrips.sum() - before);

            begin("complete", this::counters);
            Job job = await("the job's completion", j -> j.status().ordinal(), j -> j.status() == JobStatus.COMPLETED);
            end("completion", "job %s is %s", JOB_ID, job.status());

            begin("count", () -> "listing the executions");
            Map<JobExecutionStatus, Long> listed = listExecutions();
            end("count", "listed %,d executions (ListJobExecutionsForJob, 250 a page)",
                    listed.values().stream().mapToLong(n -> n).sum());
            return verify(describe(), listed, devicesNanos);
        }

        /** A device's first visit: its execution, and its retry if it failed; a silent one stops at IN_PROGRESS. */
        private void firstVisit(int index) {
            String thing = names.get(index);
            DeviceBehaviour behaviour = DeviceBehaviour.of(settings.seed(), index);
            JobExecution started = SimulatedDevice.start(engine.dataPlane(), thing, 1);
            if (behaviour == DeviceBehaviour.GOES_SILENT) {
                Instant now = clock.instant();
                lastSilentStart.accumulateAndGet(now, (a, b) -> a.isAfter(b) ? a : b);
                return;
            }
            SimulatedDevice.finish(engine.dataPlane(), thing, started,
                    DeviceBehaviour.outcome(settings.seed(), index, 0));
            roundTrips.increment();
            if (behaviour == DeviceBehaviour.FAILS) {
                JobExecution retry = SimulatedDevice.start(engine.dataPlane(), thing, 2);
                SimulatedDevice.finish(engine.dataPlane(), thing, retry,
                        DeviceBehaviour.outcome(settings.seed(), index, 1));
                roundTrips.increment();
            }
        }

        /** A silent device back online: the retry the timeout queued. */
        private void comeBack(int index) {
            String thing = names.get(index);
            JobExecution retry = SimulatedDevice.start(engine.dataPlane(), thing, 2);
            SimulatedDevice.finish(engine.dataPlane(), thing, retry,
                    DeviceBehaviour.outcome(settings.seed(), index, 1));
            roundTrips.increment();
        }

        private Result verify(Job job, Map<JobExecutionStatus, Long> listed, long devicesNanos) {
            Map<JobExecutionStatus, Long> counters = counted(job.jobProcessDetails());
            Map<JobExecutionStatus, Long> expected = DeviceBehaviour.expectedStatuses(settings.seed(),
                    settings.things());
            Map<String, Long> events = new TreeMap<>();
            eventsByType.forEach((type, n) -> events.put(type, n.sum()));
            out.printf("Job %s: %s%n", JOB_ID, job.status());
            out.printf("  counters (DescribeJob):          %s%n", counters);
            out.printf("  executions listed by status:     %s%n", listed);
            out.printf("  expected from the seed:          %s%n", expected);
            out.printf("Events seen by the subscriber: %,d %s%n", eventsSeen.sum(), events);
            StringBuilder phaseLine = new StringBuilder("Phases (s):");
            phases.forEach(p -> phaseLine.append(String.format(" %s %.1f;", p.name(), p.seconds())));
            out.printf("%s total %.1f%n", phaseLine, phases.stream().mapToDouble(Phase::seconds).sum());
            if (!counters.equals(listed) || !counters.equals(expected)) {
                throw new IllegalStateException("the job's counters " + counters + " differ from its executions "
                        + listed + " or from the expected " + expected);
            }
            if (job.status() != JobStatus.COMPLETED) {
                throw new IllegalStateException("the job ended " + job.status() + ", not COMPLETED");
            }
            return new Result(job, eventsSeen.sum(), events, (int) roundTrips.sum(), devicesNanos, List.copyOf(phases),
                    listed, expected);
        }

        private Map<JobExecutionStatus, Long> listExecutions() {
            Map<JobExecutionStatus, Long> listed = new EnumMap<>(JobExecutionStatus.class);
            String token = null;
            do {
                ListJobExecutionsForJobResponse page = engine.controlPlane().listJobExecutionsForJob(
                        ListJobExecutionsForJobRequest.builder().jobId(JOB_ID).maxResults(250).nextToken(token)
                                .build());
                for (JobExecutionSummaryForJob summary : page.executionSummaries()) {
                    listed.merge(summary.jobExecutionSummary().status(), 1L, Long::sum);
                }
                token = page.nextToken();
            } while (token != null);
            return listed;
        }

        /**
         * Waits until the job is as wanted, reading it every 100 ms; fails if the progress value stays the same
         * for the stall limit.
         */
        private Job await(String what, ToLongFunction<Job> progressValue, Predicate<Job> done)
                throws InterruptedException {
            Job job = describe();
            long last = progressValue.applyAsLong(job);
            long lastChange = System.nanoTime();
            while (!done.test(job)) {
                Thread.sleep(100);
                job = describe();
                long value = progressValue.applyAsLong(job);
                if (value != last) {
                    last = value;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > settings.stallLimit().toNanos()) {
                    throw new IllegalStateException(what + " made no progress for " + settings.stallLimit()
                            + ": job " + job.status() + ", isConcurrent " + job.isConcurrent() + ", "
                            + countersLine(job.jobProcessDetails()));
                }
            }
            return job;
        }

        private void onThreads(List<List<Integer>> shares, IntConsumer device) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(shares.size(), runnable -> {
                Thread thread = new Thread(runnable, "device");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (List<Integer> share : shares) {
                    running.add(pool.submit(() -> share.forEach(device::accept)));
                }
                for (Future<?> thread : running) {
                    thread.get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("a device thread failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        private void begin(String name, Supplier<String> status) {
            progress.phase(name, status);
            phaseStart = System.nanoTime();
        }

        private void end(String name, String format, Object... args) {
            double seconds = (System.nanoTime() - phaseStart) / 1e9;
            phases.add(new Phase(name, seconds));
            out.printf("Phase %-12s %8.1f s  %s%n", name + ":", seconds, String.format(format, args));
        }

        private double lastSeconds() {
            // Called while the phase's end line is formatted, so the phase is the running one.
            return Math.max(1e-9, (System.nanoTime() - phaseStart) / 1e9);
        }

        /** @return a status line: the count and its rate since the last line */
        private Supplier<String> rate(String label, LongAdder count) {
            long[] last = {0, System.nanoTime()};
            return () -> {
                long now = System.nanoTime();
                long n = count.sum();
                double perSecond = (n - last[0]) / ((now - last[1]) / 1e9);
                last[0] = n;
                last[1] = now;
                return String.format("%,d %s (%,.0f/s)", n, label, perSecond);
            };
        }

        /** @return a status line: the job's counters and the devices' round trips per second since the last line */
        private Supplier<String> jobRate() {
            Supplier<String> trips = rate("round trips", roundTrips);
            return () -> trips.get() + " | " + counters();
        }

        private String counters() {
            return countersLine(describe().jobProcessDetails());
        }

        private Job describe() {
            return engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(JOB_ID).build()).job();
        }

        private void count(EngineEvent event) {
            eventsSeen.increment();
            eventsByType.computeIfAbsent(event.getClass().getSimpleName(), type -> new LongAdder()).increment();
        }
    }

    /** @return the counters by status, without the zeros */
    static Map<JobExecutionStatus, Long> counted(JobProcessDetails c) {
        Map<JobExecutionStatus, Long> counted = new EnumMap<>(JobExecutionStatus.class);
        put(counted, JobExecutionStatus.QUEUED, c.numberOfQueuedThings());
        put(counted, JobExecutionStatus.IN_PROGRESS, c.numberOfInProgressThings());
        put(counted, JobExecutionStatus.SUCCEEDED, c.numberOfSucceededThings());
        put(counted, JobExecutionStatus.FAILED, c.numberOfFailedThings());
        put(counted, JobExecutionStatus.REJECTED, c.numberOfRejectedThings());
        put(counted, JobExecutionStatus.TIMED_OUT, c.numberOfTimedOutThings());
        put(counted, JobExecutionStatus.REMOVED, c.numberOfRemovedThings());
        put(counted, JobExecutionStatus.CANCELED, c.numberOfCanceledThings());
        return counted;
    }

    private static void put(Map<JobExecutionStatus, Long> counted, JobExecutionStatus status, Integer n) {
        if (n != null && n != 0) {
            counted.put(status, n.longValue());
        }
    }

    private static long total(JobProcessDetails c) {
        return counted(c).values().stream().mapToLong(n -> n).sum();
    }

    private static String countersLine(JobProcessDetails c) {
        return String.format("queued %,d, in progress %,d, succeeded %,d, failed %,d, rejected %,d, timed out %,d",
                c.numberOfQueuedThings(), c.numberOfInProgressThings(), c.numberOfSucceededThings(),
                c.numberOfFailedThings(), c.numberOfRejectedThings(), c.numberOfTimedOutThings());
    }
}
