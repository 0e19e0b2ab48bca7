package dev.iotjobs.spi;

import java.time.Instant;

/**
 * The sort key of a thing's executions in listings: {@code queuedAt}, {@code jobId}, then {@code executionNumber}.
 *
 * @param queuedAt when the execution was queued
 * @param jobId the job
 * @param executionNumber the execution's number
 */
public record ThingExecutionsKey(Instant queuedAt, String jobId, long executionNumber) {
}
