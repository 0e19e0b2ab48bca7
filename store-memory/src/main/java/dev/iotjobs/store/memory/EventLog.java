package dev.iotjobs.store.memory;

import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.spi.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The outbox: events in sequence order until they are delivered. Appends happen under the repository's write lock,
 * which also hands out the sequence numbers; dropping delivered events needs no lock.
 */
final class EventLog {
    private final ConcurrentSkipListMap<Long, StoredEvent> events = new ConcurrentSkipListMap<>();
    private long lastSequence;

    StoredEvent append(EngineEvent event) {
        StoredEvent stored = new StoredEvent(++lastSequence, event);
        events.put(stored.sequence(), stored);
        return stored;
    }

    List<StoredEvent> after(long sequence, int limit) {
        Pages.checkLimit(limit);
        List<StoredEvent> page = new ArrayList<>(Math.min(limit, 64));
        for (StoredEvent event : events.tailMap(sequence, false).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(event);
        }
        return page;
    }

    void deleteThrough(long sequence) {
        events.headMap(sequence, true).clear();
    }
}
