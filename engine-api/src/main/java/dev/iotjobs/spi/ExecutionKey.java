package dev.iotjobs.spi;

/**
 * Identifies one execution.
 *
 * @param jobId the job
 * @param thingName the thing
 * @param executionNumber the execution's number
 */
public record ExecutionKey(String jobId, String thingName, long executionNumber) {
}
