package dev.iotjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.model.JobExecutionStatus;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's operations by hand on a tiny fleet, so that a broken supply fails the build, not a run. */
class DeviceRoundTripBenchmarkTest {

    @Test
    void roundTripsOutrunningTheIterationsJobsRefillInline() throws Exception {
        DeviceRoundTripBenchmark.ThingSlices slices = new DeviceRoundTripBenchmark.ThingSlices();
        slices.things = 20;
        slices.cut(2);
        DeviceRoundTripBenchmark.EngineFleet fleet = new DeviceRoundTripBenchmark.EngineFleet();
        fleet.jobsPerIteration = 2;
        fleet.registerFleet(slices);
        DeviceRoundTripBenchmark.SliceWalker walker = new DeviceRoundTripBenchmark.SliceWalker();
        walker.claim(slices);
        DeviceRoundTripBenchmark benchmark = new DeviceRoundTripBenchmark();

        for (int iteration = 0; iteration < 2; iteration++) {
            fleet.queueJobs();
            walker.rewind();
            // 2 jobs give each of the walker's 10 things 2 executions; 25 round trips need one inline job.
            for (int i = 0; i < 25; i++) {
                assertThat(benchmark.roundTrip(fleet, walker).executionState()).isNull();
            }
            assertThat(walker.refills).isEqualTo(1);
            fleet.deleteJobs();
        }
        fleet.report();
    }

    @Test
    void theBaselineFlipsOneRecordPerOperation() {
        DeviceRoundTripBenchmark.ThingSlices slices = new DeviceRoundTripBenchmark.ThingSlices();
        slices.things = 4;
        slices.cut(1);
        DeviceRoundTripBenchmark.MapFleet fleet = new DeviceRoundTripBenchmark.MapFleet();
        fleet.fill(slices);
        DeviceRoundTripBenchmark.SliceWalker walker = new DeviceRoundTripBenchmark.SliceWalker();
        walker.claim(slices);

        DeviceRoundTripBenchmark.ExecutionState state = null;
        for (int i = 0; i < 5; i++) {
            state = new DeviceRoundTripBenchmark().baselineMapCompute(fleet, walker);
        }
        // The fifth operation wrapped around to the first thing, flipped once before.
        assertThat(state).isEqualTo(new DeviceRoundTripBenchmark.ExecutionState(JobExecutionStatus.QUEUED, 3));
    }
}
