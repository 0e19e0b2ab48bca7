package dev.iotjobs.core;

import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.StoredEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored events to subscribers in sequence order, then drops them from the store's outbox. One thread
 * delivers at a time; a thread that finds another delivering (including a listener that commits from inside its
 * callback) leaves it a signal instead of waiting, and the delivering thread goes round once more.
 */
final class EventDispatcher implements JobEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int BATCH = 1000;

    private final JobRepository repository;
    private final List<Consumer<? super JobEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private long delivered;

    EventDispatcher(JobRepository repository) {
        this.repository = repository;
    }

    @Override
    public AutoCloseable subscribe(Consumer<? super JobEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Called after every commit that stored events. */
    void afterCommit() {
        signalled.set(true);
        // Not a reentrant lock: a listener's own commit must not deliver from inside the delivery loop.
        while (signalled.get() && delivering.compareAndSet(false, true)) {
            try {
                signalled.set(false);
                drain();
            } finally {
                delivering.set(false);
            }
        }
    }

    private void drain() {
        List<StoredEvent> batch;
        do {
            batch = repository.eventsAfter(delivered, BATCH);
            for (StoredEvent stored : batch) {
                for (Consumer<? super JobEvent> listener : listeners) {
                    try {
                        listener.accept(stored.event());
                    } catch (RuntimeException e) {
                        LOG.warn("event listener failed on {}", stored.event(), e);
                    }
                }
                delivered = stored.sequence();
            }
            if (!batch.isEmpty()) {
                repository.deleteEventsThrough(delivered);
            }
        } while (batch.size() == BATCH);
    }
}
