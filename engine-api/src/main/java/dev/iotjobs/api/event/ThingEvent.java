package dev.iotjobs.api.event;

/**
 * What a commit did to one thing's pending queue: the device notifications that AWS IoT Jobs publishes on
 * {@code $aws/things/{thingName}/jobs/notify} and {@code .../notify-next} (SPEC E4). One commit emits at most one of
 * each per thing, after all of its changes.
 */
public sealed interface ThingEvent extends EngineEvent permits PendingJobExecutionsChanged, NextJobExecutionChanged {

    /** @return the thing whose queue changed */
    String thingName();
}
