package dev.iotjobs.spi;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.Values;
import java.time.Instant;
import java.util.Map;

/**
 * A stored job execution: one attempt of a job on a thing.
 *
 * @param jobId the job
 * @param thingName the thing
 * @param executionNumber the attempt's number, 1 for the first
 * @param status its status
 * @param forceCanceled whether it was canceled with force
 * @param statusDetails the device's name-value pairs
 * @param queuedAt when it was queued
 * @param startedAt when it first became IN_PROGRESS, or null
 * @param lastUpdatedAt when it last changed
 * @param versionNumber its version: 1 on insert, +1 on every update (the optimistic-concurrency check)
 * @param retryAttempt 0 for the first attempt, +1 for every retry
 * @param stepTimeoutAt when the step timer expires, or null
 * @param inProgressTimeoutAt when the in-progress timer expires, or null
 */
public record ExecutionRecord(String jobId, String thingName, long executionNumber, JobExecutionStatus status,
                              boolean forceCanceled, Map<String, String> statusDetails, Instant queuedAt,
                              Instant startedAt, Instant lastUpdatedAt, long versionNumber, int retryAttempt,
                              Instant stepTimeoutAt, Instant inProgressTimeoutAt) {
    /** Normalizes absent values. */
    public ExecutionRecord {
        statusDetails = Values.map(statusDetails);
    }

    /** @return the earlier of the two timers, or null when none runs */
    public Instant deadline() {
        if (stepTimeoutAt == null) {
            return inProgressTimeoutAt;
        }
        if (inProgressTimeoutAt == null) {
            return stepTimeoutAt;
        }
        return stepTimeoutAt.isBefore(inProgressTimeoutAt) ? stepTimeoutAt : inProgressTimeoutAt;
    }

    /** @return whether the status is QUEUED or IN_PROGRESS */
    public boolean isPending() {
        return status == JobExecutionStatus.QUEUED || status == JobExecutionStatus.IN_PROGRESS;
    }

    /** @return the key of this execution */
    public ExecutionKey key() {
        return new ExecutionKey(jobId, thingName, executionNumber);
    }
}
