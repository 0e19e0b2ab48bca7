package dev.iotjobs.bench;

import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The device round trip through the engine on {@link InMemoryJobRepository}, against a bare map update measured
 * in the same run (ARCHITECTURE.md, "Benchmarks": report the ratio, these machines are noisy).
 *
 * <p><b>One operation</b> of {@link #roundTrip} is what a device does for one job: {@code
 * startNextPendingJobExecution} for its thing, then {@code updateJobExecution} of the returned execution to
 * SUCCEEDED, through a {@link JobsEngine} (no background thread, no event subscriber). One operation of
 * {@link #baselineMapCompute} is a {@link ConcurrentHashMap#compute} that replaces a
 * thing's {@link ExecutionState} record by the next one (status flipped, version + 1): the least any store must do.
 *
 * <p><b>Device notifications</b> ({@code -p notifications=on,off}, both by default): the engine is built with
 * {@code deviceNotifications(true)} or {@code (false)} (SPEC E4), so one run gives the round trip with the notify
 * events, without them, and the baseline (which has no such parameter, so it runs once). With them on, each of the
 * round trip's two commits also reads the thing's first 11 pending executions, and the SUCCEEDED one appends a
 * {@code PendingJobExecutionsChanged} and a {@code NextJobExecutionChanged} to the outbox. Neither case subscribes a
 * listener to {@code engine.events()}: with nobody subscribed the relay delivers nothing and drops the outbox in
 * one call every 256 commits, so the events cost their writing, not a delivery.
 *
 * <p><b>Supply of QUEUED executions.</b> Each round trip consumes one QUEUED execution, so the engine has to be
 * refilled, and the refill must not be timed:
 * <ul>
 *   <li>Per trial (untimed): a fleet of {@code things} things (default 200,000), registered through the thing
 *       registry, in one child group per benchmark thread ({@code fleet-slice-N}) under a root group
 *       {@code fleet}. Each thread walks only its own slice, so threads never contend for one thing, only for the
 *       store.</li>
 *   <li>Before each iteration (untimed): {@code jobsPerIteration} (default 3) fresh SNAPSHOT jobs targeting the
 *       group {@code fleet}, so every thing has that many QUEUED executions, and each thread rewinds to the start
 *       of its slice, walking it round and round; {@code startNext} takes the oldest job first.</li>
 *   <li>After each iteration (untimed): the iteration's jobs are force-deleted and the deletion cascade run to the
 *       end, so every iteration starts on a store of the same size instead of one that grows by
 *       {@code jobsPerIteration * things} executions per iteration (and a heap that grows with it).</li>
 *   <li>A thread that has consumed all of its slice's executions before the iteration ends creates, inline and
 *       so timed, one more job on its own slice group. That costs a {@code createJob} of {@code things/threads}
 *       executions (about as long as that many round trips), so it must stay rare: the defaults supply 600,000
 *       executions per iteration, 300,000 per thread per 2-second iteration with one thread, 150,000 with two;
 *       the engine did about 220,000 round trips/s with one thread when this was written. The trial prints
 *       "inline refills" at its end if there were any; then raise {@code -p jobsPerIteration=}.</li>
 * </ul>
 * The baseline walks its slices the same way over a map that holds one record per thing, so both touch a working
 * set of the same size.
 *
 * <p>Run engine (notifications on and off) and baseline, with 1 and with 2 threads (about 4 minutes, most of it
 * untimed set-up): {@code java -jar benchmarks/target/benchmarks.jar DeviceRoundTrip}; with 1 thread only (about
 * 1.5 minutes):
 * {@code java -jar benchmarks/target/benchmarks.jar 'DeviceRoundTripBenchmark\.(roundTrip|baselineMapCompute)$'};
 * one case only: add {@code -p notifications=off}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Threads(1)
public class DeviceRoundTripBenchmark {

    /** The device round trip on the engine: start next, then SUCCEEDED. */
    @Benchmark
    public UpdateJobExecutionResponse roundTrip(EngineFleet fleet, SliceWalker walker) {
        return fleet.roundTrip(walker);
    }

    /** {@link #roundTrip} with two devices at once, each on its own slice of things. */
    @Benchmark
    @Threads(2)
    public UpdateJobExecutionResponse roundTripTwoThreads(EngineFleet fleet, SliceWalker walker) {
        return fleet.roundTrip(walker);
    }

    /** The baseline: one bare map update per operation. */
    @Benchmark
    public ExecutionState baselineMapCompute(MapFleet fleet, SliceWalker walker) {
        return fleet.flip(walker);
    }

    /** {@link #baselineMapCompute} with two threads, each on its own slice of keys. */
    @Benchmark
    @Threads(2)
    public ExecutionState baselineMapComputeTwoThreads(MapFleet fleet, SliceWalker walker) {
        return fleet.flip(walker);
    }

    /**
     * The baseline's value: what a store must at least rewrite when a device updates its execution.
     *
     * @param status the execution's status
     * @param versionNumber the execution's version
     */
    public record ExecutionState(JobExecutionStatus status, long versionNumber) {
        ExecutionState next() {
            return new ExecutionState(status == JobExecutionStatus.QUEUED
                    ? JobExecutionStatus.SUCCEEDED : JobExecutionStatus.QUEUED, versionNumber + 1);
        }
    }

    /** The thing names, cut into one slice per benchmark thread; shared by the engine and the baseline. */
    @State(Scope.Benchmark)
    public static class ThingSlices extends Slices {
        /** How many things the fleet has, over all threads. */
        @Param("200000")
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

    /** The engine over the in-memory store, with the fleet registered and fresh jobs queued per iteration. */
    @State(Scope.Benchmark)
    public static class EngineFleet extends RoundTripFleet {
        /** Jobs queued on the whole fleet before each iteration: each thing gets this many QUEUED executions. */
        @Param("3")
        public int jobsPerIteration;

        /** {@code on} or {@code off}: whether the engine emits the device notifications (SPEC E4). */
        @Param({"on", "off"})
        public String notifications;

        /** Finished jobs over the whole fleet stored before the trial (their executions CANCELED): issue 12, item 5. */
        @Param("0")
        public int storedJobs;

        @Override
        int jobsPerIteration() {
            return jobsPerIteration;
        }

        /** @param slices the things to register, one group per slice */
        @Setup(Level.Trial)
        public void registerFleet(ThingSlices slices) throws InterruptedException {
            use(JobsEngine.builder().repository(new InMemoryJobRepository()).region(BenchStore.REGION)
                    .accountId(BenchStore.ACCOUNT).deviceNotifications(deviceNotifications(notifications)).build());
            slices.register(engine.things(), 1);
            FinishedHistory.store(engine, Slices.ROOT, storedJobs);
        }
    }

    /** The baseline's store: one record per thing in a {@link ConcurrentHashMap}. */
    @State(Scope.Benchmark)
    public static class MapFleet {
        ConcurrentHashMap<String, ExecutionState> executions;

        /** @param slices the keys */
        @Setup(Level.Trial)
        public void fill(ThingSlices slices) {
            executions = new ConcurrentHashMap<>(slices.things * 2);
            for (List<String> slice : slices.slices) {
                for (String thing : slice) {
                    executions.put(thing, new ExecutionState(JobExecutionStatus.QUEUED, 1));
                }
            }
        }

        ExecutionState flip(SliceWalker walker) {
            return executions.compute(walker.nextThing(), (key, state) -> state.next());
        }
    }
}
