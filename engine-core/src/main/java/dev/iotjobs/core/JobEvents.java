package dev.iotjobs.core;

import dev.iotjobs.api.event.JobEvent;
import java.util.function.Consumer;

/** Subscriptions to the events the engine commits (SPEC E1). */
public interface JobEvents {
    /**
     * Subscribes a listener. Events are delivered in commit order, on the thread that committed them or on the
     * thread delivering at that moment; a listener that throws is logged and skipped, never retried.
     *
     * @param listener receives every event committed from now on
     * @return closing it ends the subscription
     */
    AutoCloseable subscribe(Consumer<? super JobEvent> listener);
}
