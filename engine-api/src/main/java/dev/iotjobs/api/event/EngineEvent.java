package dev.iotjobs.api.event;

import java.time.Instant;

/**
 * Something the engine committed: a change to a job or its executions ({@link JobEvent}), or what that change did to
 * a thing's pending queue ({@link ThingEvent}). Every event is stored atomically with the change it explains and
 * delivered at least once, in commit order per job and per thing (SPEC E1, E2).
 */
public sealed interface EngineEvent permits JobEvent, ThingEvent {

    /** @return when the change happened (the engine's clock) */
    Instant occurredAt();
}
