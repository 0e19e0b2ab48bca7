package dev.iotjobs.api.model;

/** The failure type an abort criterion counts. */
public enum JobExecutionFailureType {
    /** {@code FAILED}. */
    FAILED,
    /** {@code REJECTED}. */
    REJECTED,
    /** {@code TIMED_OUT}. */
    TIMED_OUT,
    /** {@code ALL}. */
    ALL;
}
