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
 * @param retriesUsed the retries its retry chain used before it, by failure type (SPEC T5, G7): {@link
 *     RetriesUsed#NONE} for the first attempt of a chain ({@code retryAttempt} 0, also when given as null), set when a
 *     retry is queued and never changed afterwards (a store may keep the value it inserted); null when unknown: a
 *     retry that a store or an engine node of an earlier version wrote without it, whose counts the engine then
 *     reads from the chain's executions
 */
public record ExecutionRecord(String jobId, String thingName, long executionNumber, JobExecutionStatus status,
                              boolean forceCanceled, Map<String, String> statusDetails, Instant queuedAt,
                              Instant startedAt, Instant lastUpdatedAt, long versionNumber, int retryAttempt,
                              Instant stepTimeoutAt, Instant inProgressTimeoutAt, RetriesUsed retriesUsed) {
    /** Normalizes absent values; a chain's first attempt has used no retries, whatever the store knew. */
    public ExecutionRecord {
        statusDetails = Values.map(statusDetails);
        if (retriesUsed == null && retryAttempt == 0) {
            retriesUsed = RetriesUsed.NONE;
        }
    }

    /** @param used the retries its chain used before it @return this execution, carrying them */
    public ExecutionRecord withRetriesUsed(RetriesUsed used) {
        return new ExecutionRecord(jobId, thingName, executionNumber, status, forceCanceled, statusDetails, queuedAt,
                startedAt, lastUpdatedAt, versionNumber, retryAttempt, stepTimeoutAt, inProgressTimeoutAt, used);
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
