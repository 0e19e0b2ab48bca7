package dev.iotjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.event.ThingEvent;
import dev.iotjobs.api.model.JobExecutionStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the benchmark's operations by hand on a tiny fleet, so that a broken supply fails the build, not a run. */
class DeviceRoundTripBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void roundTripsOutrunningTheIterationsJobsRefillInline(String notifications) throws Exception {
        DeviceRoundTripBenchmark.ThingSlices slices = new DeviceRoundTripBenchmark.ThingSlices();
        slices.things = 20;
        slices.cut(2);
        DeviceRoundTripBenchmark.EngineFleet fleet = new DeviceRoundTripBenchmark.EngineFleet();
        fleet.jobsPerIteration = 2;
        fleet.notifications = notifications;
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

    /** The parameter reaches the engine: with it on, the SUCCEEDED of each round trip notifies its thing. */
    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void notificationsOnEmitNotifyAndNotifyNextPerRoundTripAndOffNone(String notifications) throws Exception {
        DeviceRoundTripBenchmark.ThingSlices slices = new DeviceRoundTripBenchmark.ThingSlices();
        slices.things = 10;
        slices.cut(1);
        DeviceRoundTripBenchmark.EngineFleet fleet = new DeviceRoundTripBenchmark.EngineFleet();
        fleet.jobsPerIteration = 2;
        fleet.notifications = notifications;
        fleet.registerFleet(slices);
        DeviceRoundTripBenchmark.SliceWalker walker = new DeviceRoundTripBenchmark.SliceWalker();
        walker.claim(slices);
        fleet.queueJobs();
        walker.rewind();
        // Only here: the benchmark itself subscribes nobody (in both cases alike).
        List<ThingEvent> events = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = fleet.engine.events().subscribe(event -> {
            if (event instanceof ThingEvent thing) {
                events.add(thing);
            }
        })) {
            // The set-up dropped the queueing's notices, untimed: a new subscriber gets no backlog.
            fleet.engine.relayEvents();
            assertThat(events).isEmpty();
            for (int i = 0; i < 10; i++) {
                new DeviceRoundTripBenchmark().roundTrip(fleet, walker);
            }
        }
        if (notifications.equals("on")) {
            assertThat(events).hasSize(20);
            assertThat(events.stream().filter(PendingJobExecutionsChanged.class::isInstance)).hasSize(10);
            assertThat(events.stream().filter(NextJobExecutionChanged.class::isInstance)).hasSize(10);
        } else {
            assertThat(events).isEmpty();
        }
        fleet.deleteJobs();
        fleet.report();
    }

    @Test
    void aMistypedNotificationsParameterFailsTheTrial() {
        DeviceRoundTripBenchmark.ThingSlices slices = new DeviceRoundTripBenchmark.ThingSlices();
        slices.things = 2;
        slices.cut(1);
        DeviceRoundTripBenchmark.EngineFleet fleet = new DeviceRoundTripBenchmark.EngineFleet();
        fleet.notifications = "true";
        assertThatThrownBy(() -> fleet.registerFleet(slices)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("on or off");
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

    /** Issue 12, item 5: {@code storedJobs} leaves that many finished jobs' CANCELED executions beside the live ones. */
    @Test
    void storedJobsLeaveTheirCanceledExecutionsAndTheRoundTripStillRuns() throws Exception {
        DeviceRoundTripBenchmark.ThingSlices slices = new DeviceRoundTripBenchmark.ThingSlices();
        slices.things = 2500;   // past one batch (SPEC C4): the history jobs reach every thing all the same
        slices.cut(1);
        DeviceRoundTripBenchmark.EngineFleet fleet = new DeviceRoundTripBenchmark.EngineFleet();
        fleet.jobsPerIteration = 1;
        fleet.notifications = "off";
        fleet.storedJobs = 3;
        fleet.registerFleet(slices);

        for (int i = 0; i < 3; i++) {
            assertThat(fleet.engine.controlPlane().describeJob(dev.iotjobs.api.control.DescribeJobRequest.builder()
                    .jobId("history-" + i).build()).job().jobProcessDetails().numberOfCanceledThings())
                    .isEqualTo(2500);
            assertThat(fleet.engine.controlPlane().listJobExecutionsForJob(
                    dev.iotjobs.api.control.ListJobExecutionsForJobRequest.builder().jobId("history-" + i).maxResults(250).build())
                    .executionSummaries()).hasSize(250)
                    .allSatisfy(e -> assertThat(e.jobExecutionSummary().status())
                            .isEqualTo(JobExecutionStatus.CANCELED));
        }
        DeviceRoundTripBenchmark.SliceWalker walker = new DeviceRoundTripBenchmark.SliceWalker();
        walker.claim(slices);
        fleet.queueJobs();
        assertThat(new DeviceRoundTripBenchmark().roundTrip(fleet, walker).executionState()).isNull();
        fleet.report();
    }
}
