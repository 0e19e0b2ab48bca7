package dev.iotjobs.api.model;

/** The status of a job. */
public enum JobStatus {
    /** {@code IN_PROGRESS}. */
    IN_PROGRESS,
    /** {@code CANCELED}. */
    CANCELED,
    /** {@code COMPLETED}. */
    COMPLETED,
    /** {@code DELETION_IN_PROGRESS}. */
    DELETION_IN_PROGRESS,
    /** {@code SCHEDULED}. */
    SCHEDULED;
}
