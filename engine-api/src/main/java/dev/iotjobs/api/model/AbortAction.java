package dev.iotjobs.api.model;

/** What an abort criterion does. */
public enum AbortAction {
    /** {@code CANCEL}. */
    CANCEL;
}
