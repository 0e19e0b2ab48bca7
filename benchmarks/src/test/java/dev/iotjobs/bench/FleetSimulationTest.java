package dev.iotjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSimulationTest {

    @Test
    void aSmallFleetTakesTheUpdateWithFailuresRetriesAndTimeoutsAndTheJobCompletes() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FleetSimulation.Result result = FleetSimulation.run(2_500, 4, 7,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.job().status()).isEqualTo(JobStatus.COMPLETED);
        long failing = devices(7, 2_500, DeviceBehaviour.FAILS);
        long silent = devices(7, 2_500, DeviceBehaviour.GOES_SILENT);
        // Enough of each to run every path: retries after FAILED, timeouts (T1, T3) and their retries (T5).
        assertThat(failing).isPositive();
        assertThat(silent).isPositive();
        // Every device finishes its first execution but the silent ones; FAILED and TIMED_OUT ones finish a retry.
        assertThat(result.roundTrips()).isEqualTo(2_500 + failing);
        JobProcessDetails counters = result.job().jobProcessDetails();
        // SPEC X1: the counters count every attempt, and equal the executions listed by status.
        assertThat(FleetSimulation.counted(counters)).isEqualTo(result.listed()).isEqualTo(result.expected());
        assertThat(counters.numberOfTimedOutThings()).isEqualTo((int) silent);
        assertThat(counters.numberOfRejectedThings()).isEqualTo((int) devices(7, 2_500, DeviceBehaviour.REJECTS));
        assertThat(counters.numberOfFailedThings()).isGreaterThanOrEqualTo((int) failing);
        assertThat(counters.numberOfQueuedThings() + counters.numberOfInProgressThings()).isZero();
        assertThat(result.eventsByType()).containsEntry("JobCreated", 1L)
                .containsEntry("JobExecutionCreated", 2_500L + failing + silent)
                .containsEntry("JobStatusChanged", 1L);
        assertThat(result.eventsSeen()).isEqualTo(result.eventsByType().values().stream().mapToLong(n -> n).sum());
        assertThat(result.phases()).extracting(FleetSimulation.Phase::name).containsExactly("registration",
                "CreateJob", "expansion", "devices", "timeouts", "return", "completion", "count");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Job firmware-2_4_1: COMPLETED")
                .contains("Phase registration:").contains("2,500 things created and added to demo-fleet")
                .contains("created by the engine's due work in batches of 1,000")
                .contains("the simulated clock skips there")
                .contains("silent devices TIMED_OUT by the engine's due work")
                .contains("Phases (s): registration ");
    }

    @Test
    void theOutcomesDependOnTheSeedAndTheDeviceOnly() {
        for (int i = 0; i < 1000; i++) {
            assertThat(DeviceBehaviour.outcome(3, i, 1)).isEqualTo(DeviceBehaviour.outcome(3, i, 1));
            assertThat(DeviceBehaviour.of(3, i)).isEqualTo(DeviceBehaviour.of(3, i));
        }
        assertThat(DeviceBehaviour.expectedStatuses(3, 10_000).values().stream().mapToLong(n -> n).sum())
                .isEqualTo(10_000 + devices(3, 10_000, DeviceBehaviour.FAILS)
                        + devices(3, 10_000, DeviceBehaviour.GOES_SILENT));
    }

    @Test
    void theSimulationRunsOnADurableH2FileAndPrintsProgress(@TempDir Path directory) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FleetSimulation.Result result;
        try (BenchStore h2 = BenchStore.open("h2", 8, directory)) {
            result = FleetSimulation.run(h2, new FleetSimulation.Settings(300, 4, 4, 11, Duration.ofMillis(200),
                    Duration.ofMinutes(1)), new PrintStream(printed, true, StandardCharsets.UTF_8));
        }

        assertThat(result.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(FleetSimulation.counted(result.job().jobProcessDetails())).isEqualTo(result.listed())
                .isEqualTo(result.expected());
        assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("\\[ *\\d+\\.\\d s\\] ")
                .contains("Phase devices:");
        // BenchStore's close deletes the database's own directory under the parent.
        assertThat(directory.toFile().list()).isEmpty();
    }

    private static long devices(long seed, int things, DeviceBehaviour behaviour) {
        return IntStream.range(0, things).filter(i -> DeviceBehaviour.of(seed, i) == behaviour).count();
    }
}
