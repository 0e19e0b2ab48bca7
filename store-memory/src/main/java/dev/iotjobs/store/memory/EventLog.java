package dev.iotjobs.store.memory;

import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.spi.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox: events in sequence order until they are delivered. A commit appends all of its events in one call,
 * which hands out the next sequence numbers, stores the events and then publishes them together: a reader sees only
 * sequence numbers up to the published watermark, so it never sees part of a commit's events, and never a number
 * past one that is still to be stored (SPEC E1, E2: a reader never skips a number that is filled later). The caller holds the
 * locks that order its commit against the other commits on the same jobs and things, so that their sequence numbers
 * follow their commit order. Dropping delivered events needs no lock.
 */
final class EventLog {
    private final ConcurrentSkipListMap<Long, StoredEvent> events = new ConcurrentSkipListMap<>();
    private long lastSequence;
    private volatile long published;
    private final AtomicLong droppedThrough = new AtomicLong();

    /**
     * @param commitEvents the events of one commit, in order
     * @return them as stored, numbered consecutively
     */
    synchronized List<StoredEvent> appendAll(List<? extends EngineEvent> commitEvents) {
        if (commitEvents.isEmpty()) {
            return List.of();
        }
        // An immutable list, which the commit's result keeps without a copy.
        StoredEvent[] stored = new StoredEvent[commitEvents.size()];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = new StoredEvent(++lastSequence, commitEvents.get(i));
            events.put(stored[i].sequence(), stored[i]);
        }
        published = lastSequence;
        return List.of(stored);
    }

    List<StoredEvent> after(long sequence, int limit) {
        Pages.checkLimit(limit);
        long through = published;
        List<StoredEvent> page = new ArrayList<>(Math.min(limit, 64));
        if (sequence >= through) {
            return page;
        }
        for (StoredEvent event : events.subMap(sequence, false, through, true).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(event);
        }
        return page;
    }

    /**
     * Drops events through {@code sequence}, or through the last published if lower (never one still being appended),
     * and raises the relay's position to the same number.
     */
    void deleteThrough(long sequence) {
        long through = Math.min(sequence, published);
        droppedThrough.accumulateAndGet(through, Math::max);
        events.headMap(through, true).clear();
    }

    long droppedThrough() {
        return droppedThrough.get();
    }
}
