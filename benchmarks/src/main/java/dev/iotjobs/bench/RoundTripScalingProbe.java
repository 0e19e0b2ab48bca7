package dev.iotjobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * What keeps two device threads from scaling on the memory store, measured so that the machine's other load does
 * not decide the answer (JMH's {@code roundTripTwoThreads / roundTrip} does, on a shared 2-core machine): per
 * thread, its CPU time per round trip and the share of its wall time it spent blocked on a monitor or parked on a
 * lock ({@code ThreadMXBean} with contention monitoring). The round trips are
 * {@link DeviceRoundTripBenchmark#roundTrip}'s, each thread on its own slice of one fleet, all on the same jobs; the
 * queueing of jobs between passes is not counted.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.iotjobs.bench.RoundTripScalingProbe [things] [passes]
 * [jobs]} (defaults 20,000 things, 8 passes of 3 jobs; the first half of the passes only warm the JIT up; jobs
 * {@code shared}, the default, queues each job on the whole fleet as the benchmark does, {@code per-thread} queues
 * each thread's own jobs on its slice, so that the threads share no job).
 */
public final class RoundTripScalingProbe {
    private RoundTripScalingProbe() {
    }

    /**
     * @param args things, then passes
     * @throws Exception if the fleet cannot be set up or a thread fails
     */
    public static void main(String[] args) throws Exception {
        int things = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        boolean perThread = args.length > 2 && args[2].equals("per-thread");
        ManagementFactory.getThreadMXBean().setThreadContentionMonitoringEnabled(true);
        for (int threads : new int[] {1, 2}) {
            measure(things, passes, threads, perThread);
        }
    }

    private static void measure(int things, int passes, int threads, boolean jobsPerThread) throws Exception {
        DeviceRoundTripBenchmark.ThingSlices slices = new DeviceRoundTripBenchmark.ThingSlices();
        slices.things = things;
        slices.cut(threads);
        DeviceRoundTripBenchmark.EngineFleet fleet = new DeviceRoundTripBenchmark.EngineFleet();
        fleet.jobsPerIteration = 3;
        fleet.notifications = "off";
        fleet.registerFleet(slices);
        List<DeviceRoundTripBenchmark.SliceWalker> walkers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            DeviceRoundTripBenchmark.SliceWalker walker = new DeviceRoundTripBenchmark.SliceWalker();
            walker.claim(slices);
            walkers.add(walker);
        }
        int perThread = things / threads * fleet.jobsPerIteration;
        long[] cpu = new long[threads];
        long[] stalled = new long[threads];
        long wall = 0;
        long roundTrips = 0;
        for (int pass = 0; pass < passes; pass++) {
            if (jobsPerThread) {
                for (int j = 0; j < fleet.jobsPerIteration; j++) {
                    walkers.forEach(walker -> fleet.queueJob(walker.group));
                }
                fleet.engine.relayEvents();
            } else {
                fleet.queueJobs();
            }
            walkers.forEach(SliceCursor::rewind);
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            CyclicBarrier end = new CyclicBarrier(threads + 1);
            long[] passCpu = new long[threads];
            long[] passStalled = new long[threads];
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                Thread thread = new Thread(() -> {
                    try {
                        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                        start.await();
                        long cpu0 = mx.getCurrentThreadCpuTime();
                        ThreadInfo info0 = mx.getThreadInfo(Thread.currentThread().getId());
                        for (int i = 0; i < perThread; i++) {
                            fleet.roundTrip(walkers.get(index));
                        }
                        ThreadInfo info1 = mx.getThreadInfo(Thread.currentThread().getId());
                        passCpu[index] = mx.getCurrentThreadCpuTime() - cpu0;
                        passStalled[index] = (info1.getBlockedTime() + info1.getWaitedTime()
                                - info0.getBlockedTime() - info0.getWaitedTime()) * 1_000_000L;
                        end.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                thread.start();
                running.add(thread);
            }
            start.await();
            long wall0 = System.nanoTime();
            end.await();
            long passWall = System.nanoTime() - wall0;
            for (Thread thread : running) {
                thread.join();
            }
            if (pass >= passes / 2) {
                wall += passWall;
                roundTrips += (long) perThread * threads;
                for (int t = 0; t < threads; t++) {
                    cpu[t] += passCpu[t];
                    stalled[t] += passStalled[t];
                }
            }
            fleet.deleteJobs();
        }
        fleet.report();
        long cpuTotal = 0;
        long stalledTotal = 0;
        for (int t = 0; t < threads; t++) {
            cpuTotal += cpu[t];
            stalledTotal += stalled[t];
        }
        System.out.printf((jobsPerThread ? "jobs per thread, " : "jobs shared, ") + "%d thread(s): %.2f us CPU per round trip, %.1f%% of the threads' wall time blocked or"
                        + " parked, %.0f round trips/s wall (load-dependent)%n", threads,
                cpuTotal / 1000.0 / roundTrips, 100.0 * stalledTotal / ((double) wall * threads),
                roundTrips * 1e9 / wall);
    }
}
