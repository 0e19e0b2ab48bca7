package dev.iotjobs.api.model;

/** The failure type a retry criterion applies to. */
public enum RetryableFailureType {
    /** {@code FAILED}. */
    FAILED,
    /** {@code TIMED_OUT}. */
    TIMED_OUT,
    /** {@code ALL}. */
    ALL;
}
