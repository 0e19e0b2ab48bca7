package dev.iotjobs.spi;

import java.time.Instant;

/**
 * The sort key of jobs in listings: {@code createdAt}, then {@code jobId}.
 *
 * @param createdAt the job's creation time
 * @param jobId the job's id
 */
public record JobListKey(Instant createdAt, String jobId) {
}
