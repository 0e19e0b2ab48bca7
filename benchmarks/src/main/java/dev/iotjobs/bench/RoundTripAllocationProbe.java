package dev.iotjobs.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated per device round trip on the memory store, counted exactly on the one thread that runs them
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}): unlike JMH's {@code -prof gc}, whose
 * per-operation figure divides the whole JVM's allocation by the operations and swings with the machine's load, this
 * does not depend on what else runs. The round trips are {@link DeviceRoundTripBenchmark#roundTrip}'s, on the same
 * kind of fleet; the queueing of jobs between passes is not counted.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.iotjobs.bench.RoundTripAllocationProbe [things] [passes]}
 * (defaults 20,000 things, 12 passes of 3 jobs each; the first half of the passes only warm the JIT up).
 */
public final class RoundTripAllocationProbe {
    private RoundTripAllocationProbe() {
    }

    /**
     * @param args things, then passes
     * @throws Exception if the fleet cannot be set up
     */
    public static void main(String[] args) throws Exception {
        int things = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        for (String notifications : new String[] {"off", "on"}) {
            System.out.printf("notifications %s: %.0f bytes per round trip%n", notifications,
                    bytesPerRoundTrip(things, passes, notifications));
        }
    }

    private static double bytesPerRoundTrip(int things, int passes, String notifications) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DeviceRoundTripBenchmark.ThingSlices slices = new DeviceRoundTripBenchmark.ThingSlices();
        slices.things = things;
        slices.cut(1);
        DeviceRoundTripBenchmark.EngineFleet fleet = new DeviceRoundTripBenchmark.EngineFleet();
        fleet.jobsPerIteration = 3;
        fleet.notifications = notifications;
        fleet.registerFleet(slices);
        DeviceRoundTripBenchmark.SliceWalker walker = new DeviceRoundTripBenchmark.SliceWalker();
        walker.claim(slices);
        long bytes = 0;
        long roundTrips = 0;
        for (int pass = 0; pass < passes; pass++) {
            fleet.queueJobs();
            walker.rewind();
            int n = things * fleet.jobsPerIteration;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) {
                fleet.roundTrip(walker);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (pass >= passes / 2) {
                bytes += allocated;
                roundTrips += n;
            }
            fleet.deleteJobs();
        }
        fleet.report();
        return (double) bytes / roundTrips;
    }
}
