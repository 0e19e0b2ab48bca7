package dev.iotjobs.api.model;

/** Whether a job also targets things that join its groups later (CONTINUOUS) or only those present at creation (SNAPSHOT). */
public enum TargetSelection {
    /** {@code CONTINUOUS}. */
    CONTINUOUS,
    /** {@code SNAPSHOT}. */
    SNAPSHOT;
}
