package dev.iotjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FleetSimulationTest {

    @Test
    void aSmallFleetTakesTheUpdateAndTheJobCompletes() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FleetSimulation.Result result = FleetSimulation.run(200, 4, 7,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(result.roundTrips()).isEqualTo(200);
        JobProcessDetails counters = result.job().jobProcessDetails();
        // The outcomes depend on the seed and the thing only, not on which thread ran which device.
        assertThat(counters.numberOfFailedThings()).isEqualTo(expected(7, JobExecutionStatus.FAILED));
        assertThat(counters.numberOfRejectedThings()).isEqualTo(expected(7, JobExecutionStatus.REJECTED));
        assertThat(counters.numberOfSucceededThings()).isEqualTo(expected(7, JobExecutionStatus.SUCCEEDED));
        assertThat(counters.numberOfQueuedThings() + counters.numberOfInProgressThings()).isZero();
        assertThat(result.eventsByType()).containsEntry("JobCreated", 1L).containsEntry("JobExecutionCreated", 200L)
                .containsEntry("JobStatusChanged", 1L);
        assertThat(result.eventsSeen()).isEqualTo(result.eventsByType().values().stream().mapToLong(n -> n).sum());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Job firmware-2_4_1: COMPLETED")
                .contains("Registered 200 things in ")
                .contains("FAILED and REJECTED devices are part of the demo")
                .contains("3 calls each: startNextPendingJobExecution, updateJobExecution to IN_PROGRESS, "
                        + "updateJobExecution to the outcome");
    }

    private static int expected(long seed, JobExecutionStatus status) {
        return (int) IntStream.range(0, 200).filter(i -> FleetSimulation.outcome(seed, i) == status).count();
    }
}
