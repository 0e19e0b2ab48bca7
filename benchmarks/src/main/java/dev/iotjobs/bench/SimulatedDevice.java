package dev.iotjobs.bench;

import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import java.util.Map;

/**
 * One simulated device's calls, as a real one makes them over MQTT: {@code startNextPendingJobExecution},
 * {@code updateJobExecution} to IN_PROGRESS with its progress in {@code statusDetails}, then
 * {@code updateJobExecution} to its outcome, each update naming the version it last saw.
 */
final class SimulatedDevice {
    private SimulatedDevice() {
    }

    /**
     * Starts the next pending execution and reports IN_PROGRESS.
     *
     * @param executionNumber the execution number the device must find (1 for the job's first, 2 for the retry)
     * @return the execution, IN_PROGRESS, as the device's update left it
     * @throws IllegalStateException if the thing had no pending execution, or another one than expected
     */
    static JobExecution start(JobsDataPlane devices, String thing, long executionNumber) {
        JobExecution started = devices.startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName(thing).statusDetails(Map.of("step", "downloading")).build()).execution();
        if (started == null) {
            throw new IllegalStateException(thing + " found no pending execution; expected its execution number "
                    + executionNumber);
        }
        if (started.executionNumber() != executionNumber) {
            throw new IllegalStateException(thing + " found execution number " + started.executionNumber() + " ("
                    + started.status() + "), expected " + executionNumber);
        }
        UpdateJobExecutionResponse progress = devices.updateJobExecution(UpdateJobExecutionRequest.builder()
                .jobId(started.jobId()).thingName(thing).status(JobExecutionStatus.IN_PROGRESS)
                .statusDetails(Map.of("step", "installing", "progress", "50%"))
                .expectedVersion(started.versionNumber()).includeJobExecutionState(true).build());
        return started.toBuilder().status(JobExecutionStatus.IN_PROGRESS)
                .versionNumber(progress.executionState().versionNumber()).build();
    }

    /**
     * Reports the outcome of an execution the device started.
     *
     * @param thing the device
     * @param started what {@link #start} returned
     * @param outcome SUCCEEDED, FAILED or REJECTED
     */
    static void finish(JobsDataPlane devices, String thing, JobExecution started, JobExecutionStatus outcome) {
        devices.updateJobExecution(UpdateJobExecutionRequest.builder().jobId(started.jobId())
                .thingName(thing).status(outcome).statusDetails(details(outcome))
                .expectedVersion(started.versionNumber()).build());
    }

    private static Map<String, String> details(JobExecutionStatus outcome) {
        return switch (outcome) {
            case FAILED -> Map.of("step", "verifying", "reason", "checksum mismatch");
            case REJECTED -> Map.of("step", "downloading", "reason", "battery below 20%");
            default -> Map.of("step", "rebooted", "firmware", "2.4.1");
        };
    }
}
