package dev.iotjobs.core;

import dev.iotjobs.core.rules.ValidationLimits;

/**
 * The limits beyond the API shapes (SPEC V3), AWS's values by default. Request validation in
 * {@code core.rules} reads them through {@link ValidationLimits}, the rest are the engine's own. How many executions
 * one commit may touch is {@code JobsEngine.builder().batchSize(n)} (SPEC C4), for every batched operation alike.
 *
 * @param maxTargets most target ARNs one job may list
 * @param maxStatusDetails most entries in an execution's {@code statusDetails}
 * @param maxDocumentBytes most UTF-8 bytes of a job document
 * @param maxTimeoutMinutes largest step or in-progress timeout, in minutes
 * @param defaultMaxResults page size when a list request gives none
 * @param maxMaxResults largest page size a list request may ask for
 * @param maxPerMinute largest rollout rate
 * @param maxRetries most retries summed over a job's retry criteria
 * @param maxJobsInDeletion most jobs in DELETION_IN_PROGRESS at once
 * @param maxPendingReturned most executions {@code getPendingJobExecutions} returns
 * @param maxCommitAttempts how often one operation reloads and decides again on stale state
 */
public record EngineLimits(int maxTargets, int maxStatusDetails, int maxDocumentBytes, long maxTimeoutMinutes,
                           int defaultMaxResults, int maxMaxResults, int maxPerMinute, int maxRetries,
                           int maxJobsInDeletion, int maxPendingReturned, int maxCommitAttempts)
        implements ValidationLimits {

    /** AWS's limits. */
    public static final EngineLimits AWS_DEFAULTS =
            new EngineLimits(100, 10, 32768, 10080, 100, 250, 1000, 10, 10, 10, 64);

    /** Rejects limits that cannot work. */
    public EngineLimits {
        if (maxTargets < 1 || maxStatusDetails < 0 || maxDocumentBytes < 2 || maxTimeoutMinutes < 1
                || defaultMaxResults < 1 || maxMaxResults < defaultMaxResults || maxPerMinute < 1 || maxRetries < 0
                || maxJobsInDeletion < 1 || maxPendingReturned < 1 || maxCommitAttempts < 1) {
            throw new IllegalArgumentException("engine limits out of range");
        }
    }
}
