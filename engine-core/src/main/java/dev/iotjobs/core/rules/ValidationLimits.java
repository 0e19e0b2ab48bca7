package dev.iotjobs.core.rules;

/**
 * The limits beyond the API shapes (SPEC V3) that request validation checks. The engine's public
 * {@link dev.iotjobs.core.EngineLimits} implements it; the rules see only this view, so that they never depend on
 * the shell (ARCHITECTURE.md's dependency rule, pinned by {@code CoreArchitectureTest}).
 */
public interface ValidationLimits {

    /** @return most target ARNs one job may list */
    int maxTargets();

    /** @return most entries in an execution's {@code statusDetails} */
    int maxStatusDetails();

    /** @return most UTF-8 bytes of a job document */
    int maxDocumentBytes();

    /** @return largest step or in-progress timeout, in minutes */
    long maxTimeoutMinutes();

    /** @return largest page size a list request may ask for */
    int maxMaxResults();

    /** @return largest rollout rate */
    int maxPerMinute();

    /** @return most retries summed over a job's retry criteria */
    int maxRetries();
}
