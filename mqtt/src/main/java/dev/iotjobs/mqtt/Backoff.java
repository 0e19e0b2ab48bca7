package dev.iotjobs.mqtt;

import java.time.Duration;

/**
 * How long to wait before each reconnect attempt: doubling from {@code min} up to {@code max}, so a broker that
 * comes back is found quickly and one that stays down is not hammered.
 *
 * @param min the wait before the first attempt
 * @param max the longest wait
 */
record Backoff(Duration min, Duration max) {

    /**
     * @param failedAttempts how many reconnect attempts failed so far (0 before the first)
     * @return the wait before the next attempt, in milliseconds
     */
    long delayMillis(int failedAttempts) {
        long minMillis = Math.max(1, min.toMillis());
        long maxMillis = Math.max(minMillis, max.toMillis());
        int doublings = Math.min(Math.max(failedAttempts, 0), 30);
        long delay = minMillis << doublings;
        return delay <= 0 || delay > maxMillis ? maxMillis : delay;
    }
}
