package dev.iotjobs.core;

import dev.iotjobs.api.event.EngineEvent;
import java.util.function.Consumer;

/**
 * Subscriptions to the events the engine commits (SPEC E1, E2): the {@link dev.iotjobs.api.event.JobEvent}s of
 * jobs and executions, and the {@link dev.iotjobs.api.event.ThingEvent}s that tell devices their queue changed
 * (notify and notify-next, E4; a listener that wants only some tests with {@code instanceof}). Events are stored
 * with the change they explain (an outbox) and relayed to subscribers at least once, in commit order per job and per thing. When several engine
 * nodes share one store, one node at a time relays (the holder of the store's relay lease), so subscribe on every
 * node; events committed before a crash are relayed after the restart. Subscribe before {@link JobsEngine#start()}
 * and before the first operation: a node with no subscriber relays too, to nobody, and then drops the events.
 */
public interface JobEvents {
    /**
     * Subscribes a listener. Events are delivered in commit order, on the thread that committed them, on the
     * thread relaying at that moment, or on the background thread; a listener that throws is logged and skipped,
     * never retried.
     *
     * @param listener receives every event committed from now on
     * @return closing it ends the subscription
     * @throws NullPointerException if {@code listener} is null
     */
    AutoCloseable subscribe(Consumer<? super EngineEvent> listener);
}
