package dev.iotjobs.api.model;

/** The status of a job execution. */
public enum JobExecutionStatus {
    /** {@code QUEUED}. */
    QUEUED,
    /** {@code IN_PROGRESS}. */
    IN_PROGRESS,
    /** {@code SUCCEEDED}. */
    SUCCEEDED,
    /** {@code FAILED}. */
    FAILED,
    /** {@code TIMED_OUT}. */
    TIMED_OUT,
    /** {@code REJECTED}. */
    REJECTED,
    /** {@code REMOVED}. */
    REMOVED,
    /** {@code CANCELED}. */
    CANCELED;
}
