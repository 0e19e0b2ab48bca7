package dev.iotjobs.core;

import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays stored events (the store's outbox) to subscribers in commit order, at least once, then drops them
 * (SPEC E1, E2).
 *
 * <ul>
 *   <li>One engine node per store relays at a time: the holder of the store's relay lease, renewed on every
 *       round. Events reach the subscribers of that node; the others take over when its lease expires.</li>
 *   <li>Within the node, one thread relays at a time; a thread that finds another relaying (including a listener
 *       that commits from inside its callback) leaves it a signal, and the relaying thread goes round once
 *       more.</li>
 *   <li>A database may make a later sequence number visible before an earlier one (transactions commit out of
 *       order). A missing number is a gap: the relay waits up to {@code gapWait} for it before going past, and does
 *       not drop events past a gap it went over until the gap fills or is long dead, so a late event is still
 *       delivered (late) rather than lost.</li>
 *   <li>Events are dropped only after delivery, so a crash or restart delivers them again: at least once.</li>
 *   <li>A relay that starts, or takes the lease again after it lapsed, resumes at the store's position
 *       ({@link JobRepository#eventsDroppedThrough}) and waits at a missing number above it as at any gap: a
 *       transaction that took a lower number than the first stored event may still be committing (issue 12's crash
 *       test lost such an event when the relay started at the first stored one).</li>
 *   <li>While the engine's background thread runs ({@link #dropInBackground}), only its rounds drop events: a
 *       commit's own round never deletes from the outbox, so no device call pays for the clean-up (issue 12).
 *       Without it, a commit's round drops once enough has gathered.</li>
 * </ul>
 */
final class EventDispatcher implements JobEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int BATCH = 1000;
    /** After a commit, delivered events are dropped once this many have gathered (the background relay drops all). */
    private static final int DROP_BATCH = 256;

    private final JobRepository repository;
    private final Clock clock;
    private final String nodeId;
    private final Duration lease;
    /** Half the lease, computed once: {@link Duration#dividedBy} computes through a BigDecimal. */
    private final Duration halfLease;
    private final Duration gapWait;
    private final NotifyNextDocuments documents;
    private final List<Consumer<? super EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean relaying = new AtomicBoolean();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final AtomicBoolean thoroughSignalled = new AtomicBoolean();
    private volatile boolean backgroundDrops;

    // Guarded by `relaying`.
    private Instant leaseHeldUntil = Instant.EPOCH;
    /** Whether to read the store's position before the next delivery: at the start, and after the lease lapsed. */
    private boolean resume = true;
    /** Whether {@link #lastDelivered} is a position; if not, the relay delivers from the first stored event. */
    private boolean positioned;
    private long lastDelivered;
    private long droppedThrough;
    private int commitsSinceDrop;
    private final OpenGaps openGaps = new OpenGaps();

    EventDispatcher(JobRepository repository, Clock clock, String nodeId, Duration lease, Duration gapWait,
                    NotifyNextDocuments documents) {
        this.repository = repository;
        this.documents = documents;
        this.clock = clock;
        this.nodeId = nodeId;
        this.lease = lease;
        this.halfLease = lease.dividedBy(2);
        this.gapWait = gapWait;
    }

    @Override
    public AutoCloseable subscribe(Consumer<? super EngineEvent> listener) {
        Objects.requireNonNull(listener, "listener must not be null: give a Consumer<EngineEvent> to receive events");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** @param background whether a background thread calls {@link #relayAll} every period, and drops for all */
    void dropInBackground(boolean background) {
        backgroundDrops = background;
    }

    /** Relays what a commit just stored: new events only, with as few store calls as it can. */
    void relayAfterCommit() {
        relay(false);
    }

    /** Relays everything waiting, late events included, and drops all that was delivered. */
    void relayAll() {
        relay(true);
    }

    private void relay(boolean thorough) {
        if (thorough) {
            thoroughSignalled.set(true);
        }
        signalled.set(true);
        // Not a reentrant lock: a listener's own commit must not relay from inside the relay loop.
        while (signalled.get() && relaying.compareAndSet(false, true)) {
            try {
                signalled.set(false);
                // A round again for a signal that came meanwhile is thorough only if a thorough caller sent it: a
                // commit's signal during the background round's delete made the background delete again, back to back
                // for as long as devices committed (issue 12's PostgreSQL profile: 2-5 ms of server time per round trip).
                relayRounds(thoroughSignalled.getAndSet(false));
            } finally {
                relaying.set(false);
            }
        }
    }

    /** Renews the lease only once half of it has run out: no other node can take it before it ends. */
    private boolean holdsLease() {
        Instant now = clock.instant();
        if (now.isBefore(leaseHeldUntil.minus(halfLease))) {
            return true;
        }
        Instant until = now.plus(lease);
        boolean lapsed = !now.isBefore(leaseHeldUntil);
        if (repository.acquireEventRelay(nodeId, now, until)) {
            // Another node may have relayed and dropped meanwhile.
            resume |= lapsed;
            leaseHeldUntil = until;
            return true;
        }
        leaseHeldUntil = Instant.EPOCH;
        return false;
    }

    private void relayRounds(boolean thorough) {
        if (!holdsLease()) {
            return;
        }
        boolean mayDrop = thorough || !backgroundDrops;
        if (listeners.isEmpty()) {
            // Nobody to deliver to: drop what is stored, in one call every DROP_BATCH commits (a delete per commit
            // would cost a database commit per operation) or on the background round, and start afresh when someone
            // subscribes.
            if (thorough || (mayDrop && ++commitsSinceDrop >= DROP_BATCH)) {
                repository.deleteEventsThrough(Long.MAX_VALUE);
                commitsSinceDrop = 0;
            }
            lastDelivered = 0;
            droppedThrough = 0;
            positioned = false;
            resume = true;
            openGaps.clear();
            return;
        }
        if (resume) {
            resumeAtStorePosition();
            resume = false;
        }
        // Late events come from gaps the relay went past, or show up at or below where it dropped: look for them on
        // the thorough rounds, while it is past an open gap, and before any drop, not after every commit.
        boolean lookedForLate = thorough || openGaps.lowest() <= lastDelivered;
        boolean late = lookedForLate && deliverLate();
        while (true) {
            List<StoredEvent> batch = repository.eventsAfter(lastDelivered, BATCH);
            int delivered = deliverNew(batch);
            if (mayDrop && (late || (delivered > 0 && (thorough || lastDelivered - droppedThrough >= DROP_BATCH)))) {
                if (!lookedForLate) {
                    deliverLate();
                    lookedForLate = true;
                }
                dropDelivered();
                late = false;
            }
            if (batch.size() < BATCH || delivered == 0) {
                if (thorough && lastDelivered > droppedThrough) {
                    dropDelivered();
                }
                return;
            }
        }
    }

    /**
     * Takes the store's position unless it is where this relay already stands (it was the last to drop: going on
     * from its own place delivers nothing twice). A store that cannot tell leaves the relay where it is, or
     * unpositioned at the start.
     */
    private void resumeAtStorePosition() {
        OptionalLong position = repository.eventsDroppedThrough();
        if (position.isEmpty() || (positioned && position.getAsLong() == droppedThrough)) {
            return;
        }
        lastDelivered = position.getAsLong();
        droppedThrough = lastDelivered;
        openGaps.clear();
        positioned = true;
    }

    /**
     * Events that became visible after newer ones were delivered: at or below what was already dropped (they were
     * not there when it was dropped), or in a gap the relay went past. They are the oldest stored events.
     */
    private boolean deliverLate() {
        boolean any = false;
        for (StoredEvent stored : repository.eventsAfter(0, BATCH)) {
            long sequence = stored.sequence();
            if (sequence > lastDelivered) {
                break;
            }
            if (sequence <= droppedThrough || openGaps.remove(sequence)) {
                deliver(stored.event());
                any = true;
            }
        }
        return any;
    }

    /** Delivers events past the last delivered one in sequence order, up to a gap still worth waiting for. */
    private int deliverNew(List<StoredEvent> batch) {
        noteGapsInView(batch);
        int count = 0;
        for (StoredEvent stored : batch) {
            long sequence = stored.sequence();
            if (positioned && sequence > lastDelivered + 1 && !wentPastGap(lastDelivered + 1)) {
                break;
            }
            openGaps.remove(sequence);
            deliver(stored.event());
            lastDelivered = sequence;
            positioned = true;
            count++;
        }
        return count;
    }

    /**
     * Starts the wait for every missing number in the batch now, so that gaps in view at once age together: after a
     * crash each cut-off transaction leaves a number that never fills, and waiting for each only once the relay went
     * past the one before would hold the events behind them back for {@code gapWait} per gap.
     */
    private void noteGapsInView(List<StoredEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Instant now = null;
        // An unpositioned relay delivers from the first stored event, whatever its number.
        long expected = positioned ? lastDelivered + 1 : batch.get(0).sequence();
        for (StoredEvent stored : batch) {
            if (stored.sequence() > expected) {
                now = now == null ? clock.instant() : now;
                openGaps.note(expected, stored.sequence(), now);
            }
            expected = stored.sequence() + 1;
        }
    }

    /**
     * Whether to go past the gap that starts at {@code from} (noted by {@link #noteGapsInView}, which kept it open
     * for {@link #deliverLate}): only once it has been missing for {@code gapWait}.
     */
    private boolean wentPastGap(long from) {
        Instant since = openGaps.since(from);
        return since != null && Duration.between(since, clock.instant()).compareTo(gapWait) >= 0;
    }

    private void deliver(EngineEvent stored) {
        EngineEvent event = documents.delivered(stored);
        for (Consumer<? super EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener failed on {}", event, e);
            }
        }
    }

    /** Drops delivered events, but never past a gap that may still fill; forgets gaps dead for long. */
    private void dropDelivered() {
        Instant deadline = clock.instant().minus(gapWait.multipliedBy(60));
        openGaps.forgetMissingSince(deadline);
        long through = Math.min(lastDelivered, openGaps.lowest() - 1);
        through = Math.max(through, droppedThrough);
        if (through > 0) {
            repository.deleteEventsThrough(through);
            droppedThrough = through;
        }
    }
}
