package dev.iotjobs.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a job's gradual rollout stands (SPEC T7). Stored with the job and written only with a new job revision, so
 * two engine nodes never roll out the same window twice. The engine's rollout rules read and write it; a store
 * only keeps it, and reads {@code remaining} when it evaluates a {@link JobCompletion}.
 *
 * @param remaining things held back (the job's {@link RolloutTarget}s still to roll out); 0 once every target
 *     rolled out or the rollout stopped (cancel, scheduled end)
 * @param remainingByTarget per target ARN, in the job's target order, how many of its things are held back
 * @param notified things rolled out so far (executions created by the rollout)
 * @param rate the per-minute rate the next window opens with
 * @param notifiedAtIncrease {@code notified} when the rate last grew (or the rollout began)
 * @param succeededAtIncrease the job's SUCCEEDED count when the rate last grew (or the rollout began)
 * @param windowStart when the current 60-second window opened, or null before the first
 * @param windowAllowance executions the current window may create
 * @param createdInWindow executions the current window created
 * @param lastCreatedAt when the current window last created an execution, or null
 */
public record RolloutState(int remaining, Map<String, Integer> remainingByTarget, int notified, double rate,
                           int notifiedAtIncrease, int succeededAtIncrease, Instant windowStart, int windowAllowance,
                           int createdInWindow, Instant lastCreatedAt) {
    /** Keeps the target order and makes the map read-only. */
    public RolloutState {
        remainingByTarget = remainingByTarget == null || remainingByTarget.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(remainingByTarget));
    }
}
