package dev.iotjobs.api.model;

/** What a scheduled job does at its end time. */
public enum JobEndBehavior {
    /** {@code STOP_ROLLOUT}. */
    STOP_ROLLOUT,
    /** {@code CANCEL}. */
    CANCEL,
    /** {@code FORCE_CANCEL}. */
    FORCE_CANCEL;
}
