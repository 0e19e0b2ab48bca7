package dev.iotjobs.api.model;

/** The state of a dynamic thing group's index (the engine's groups are static: never set). */
public enum DynamicGroupStatus {
    /** {@code ACTIVE}. */
    ACTIVE,
    /** {@code BUILDING}. */
    BUILDING,
    /** {@code REBUILDING}. */
    REBUILDING;
}
