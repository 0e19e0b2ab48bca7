package dev.iotjobs.spi;

import dev.iotjobs.api.model.JobExecutionStatus;

/**
 * SPEC T5, G7: the retries that an execution's retry chain used before it, by failure type: how many earlier
 * attempts of the chain ended FAILED and how many TIMED_OUT (each of them was retried, which is why the chain went
 * on). A chain starts with the attempt that a creation, a rollout or a (re)join of a CONTINUOUS job queued
 * ({@code retryAttempt} 0, {@link #NONE}); every retry carries its predecessor's counts plus one for the way the
 * predecessor ended, so {@code failed + timedOut} is the attempt's {@code retryAttempt}.
 *
 * @param failed earlier attempts of the chain that ended FAILED
 * @param timedOut earlier attempts of the chain that ended TIMED_OUT
 */
public record RetriesUsed(int failed, int timedOut) {
    /** The first attempt of a chain: no retries used. */
    public static final RetriesUsed NONE = new RetriesUsed(0, 0);

    /** @throws IllegalArgumentException if a count is negative */
    public RetriesUsed {
        if (failed < 0 || timedOut < 0) {
            throw new IllegalArgumentException("retries used cannot be negative: failed " + failed + ", timedOut "
                    + timedOut);
        }
    }

    /**
     * @param ending the status an attempt ends with
     * @return the retries used of that failure type: {@link #failed} for FAILED, {@link #timedOut} for TIMED_OUT,
     *     0 for a status that is never retried
     */
    public int of(JobExecutionStatus ending) {
        return switch (ending) {
            case FAILED -> failed;
            case TIMED_OUT -> timedOut;
            default -> 0;
        };
    }

    /**
     * @param ending the status the attempt ended with, FAILED or TIMED_OUT
     * @return the counts its retry carries: these plus one for {@code ending}
     * @throws IllegalArgumentException for a status that is never retried
     */
    public RetriesUsed after(JobExecutionStatus ending) {
        return switch (ending) {
            case FAILED -> new RetriesUsed(failed + 1, timedOut);
            case TIMED_OUT -> new RetriesUsed(failed, timedOut + 1);
            default -> throw new IllegalArgumentException(ending + " is never retried");
        };
    }
}
