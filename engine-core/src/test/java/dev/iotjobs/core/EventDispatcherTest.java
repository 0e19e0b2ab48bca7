package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.event.JobDeleted;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.core.rules.Scope;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.StoredEvent;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event relay (SPEC E2) against an outbox whose sequence numbers become visible out of order, as a database's
 * do when transactions commit in another order than they took their numbers.
 */
class EventDispatcherTest {
    private static final Duration GAP_WAIT = Duration.ofSeconds(2);

    private final ConcurrentSkipListMap<Long, StoredEvent> outbox = new ConcurrentSkipListMap<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Long> delivered = new ArrayList<>();
    private int deletes;
    /** Reads of the outbox from its start: the look for late events. */
    private int readsFromTheStart;
    private Runnable duringNextDelete;
    private String leaseOwner;
    private Instant leaseUntil = Instant.MIN;
    /** The store's relay position; null for a store that cannot tell. */
    private Long position = 0L;

    private EventDispatcher relay;

    @BeforeEach
    void start() {
        relay = dispatcher("node-a");
    }

    private EventDispatcher dispatcher(String node) {
        EventDispatcher dispatcher = new EventDispatcher(outbox(), clock, node, Duration.ofSeconds(10), GAP_WAIT,
                new NotifyNextDocuments(outbox(), new Scope("us-east-1", "123456789012"), null));
        dispatcher.subscribe(event -> delivered.add(((JobDeleted) event).occurredAt().toEpochMilli()));
        return dispatcher;
    }

    /** A store that has nothing but an outbox and a relay lease. */
    private JobRepository outbox() {
        return (JobRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JobRepository.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "eventsAfter" -> {
                        readsFromTheStart += (Long) args[0] == 0 ? 1 : 0;
                        yield outbox.tailMap((Long) args[0], false).values().stream().limit((Integer) args[1])
                                .toList();
                    }
                    case "deleteEventsThrough" -> {
                        deletes++;
                        Runnable during = duringNextDelete;
                        duringNextDelete = null;
                        if (during != null) {
                            during.run();
                        }
                        long through = (Long) args[0];
                        if (position != null) {
                            position = Math.max(position, Math.min(through, outbox.isEmpty() ? 0 : outbox.lastKey()));
                        }
                        outbox.headMap(through, true).clear();
                        yield null;
                    }
                    case "eventsDroppedThrough" -> position == null ? OptionalLong.empty() : OptionalLong.of(position);
                    case "acquireEventRelay" -> {
                        String owner = (String) args[0];
                        Instant now = (Instant) args[1];
                        if (leaseOwner == null || leaseOwner.equals(owner) || !leaseUntil.isAfter(now)) {
                            leaseOwner = owner;
                            leaseUntil = (Instant) args[2];
                            yield true;
                        }
                        yield false;
                    }
                    // The relay must touch nothing but the outbox and the lease.
                    default -> throw new AssertionError("the relay called " + method.getName());
                });
    }

    /** Makes event {@code sequence} visible; its payload carries its number so deliveries can be compared. */
    private void commit(long... sequences) {
        for (long sequence : sequences) {
            JobEvent event = new JobDeleted("j", Instant.ofEpochMilli(sequence));
            outbox.put(sequence, new StoredEvent(sequence, event));
        }
    }

    /**
     * A device's commit while the background round deletes the outbox: the relay delivers the commit's event in a
     * round of its own, without deleting again (it used to delete back to back while devices committed).
     */
    @Test
    void e2_aCommitDuringTheBackgroundRoundsDeleteGetsItsEventsWithoutAnotherDelete() {
        relay.dropInBackground(true);
        commit(1, 2, 3);
        duringNextDelete = () -> {
            commit(4);
            relay.relayAfterCommit();
        };

        relay.relayAll();

        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L);
        assertThat(deletes).isEqualTo(1);
        relay.relayAll();
        assertThat(deletes).isEqualTo(2);
        assertThat(outbox).isEmpty();
    }

    @Test
    void e2_deliversInSequenceOrderAndDropsWhatItDelivered() {
        commit(1, 2, 3);
        relay.relayAll();
        assertThat(delivered).containsExactly(1L, 2L, 3L);
        assertThat(outbox).isEmpty();
    }

    @Test
    void e2_waitsForAGapToFillAndKeepsCommitOrder() {
        commit(1, 2, 4);
        relay.relayAll();
        assertThat(delivered).containsExactly(1L, 2L);
        commit(3);
        relay.relayAll();
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L);
        assertThat(outbox).isEmpty();
    }

    @Test
    void e2_goesPastAGapThatStaysOpenAndStillDeliversTheLateEvent() {
        commit(1, 2, 4);
        relay.relayAll();
        clock.advance(GAP_WAIT);
        relay.relayAll();
        assertThat(delivered).containsExactly(1L, 2L, 4L);
        assertThat(outbox).as("nothing past the open gap is dropped").containsKey(4L);
        commit(3, 5);
        relay.relayAll();
        assertThat(delivered).containsExactly(1L, 2L, 4L, 3L, 5L);
        assertThat(outbox).isEmpty();
    }

    /**
     * Gaps in view at once age together: after a crash several cut-off transactions leave numbers that never fill,
     * and a relay that began waiting for each only once it went past the one before waited the gap time once per gap
     * (the crash test's restarted node, with four dead numbers in its outbox, delivered part of it after one wait).
     */
    @Test
    void e2_gapsSeenInOneRoundAreWaitedForTogether() {
        commit(1, 3, 5, 8);
        relay.relayAll();
        assertThat(delivered).containsExactly(1L);
        clock.advance(GAP_WAIT);
        relay.relayAll();
        assertThat(delivered).containsExactly(1L, 3L, 5L, 8L);
        commit(2, 4, 6, 7);
        relay.relayAll();
        assertThat(delivered).as("each late event still delivered, once").containsExactly(1L, 3L, 5L, 8L, 2L, 4L,
                6L, 7L);
        assertThat(outbox).isEmpty();
    }

    /** A gap as wide as a big transaction's events: every number in it is still delivered when it shows up. */
    @Test
    void e2_everyNumberOfAWideGapIsDeliveredWhenItShowsUp() {
        commit(1, 200_002);
        relay.relayAll();
        clock.advance(GAP_WAIT);
        relay.relayAll();
        commit(100_000, 2, 200_001);
        relay.relayAll();
        assertThat(delivered).containsExactly(1L, 200_002L, 2L, 100_000L, 200_001L);
    }

    /** A gap the relay waits at, not yet past, makes a commit's round read only what is new. */
    @Test
    void e2_waitingAtAGapCommitsReadOnlyWhatIsNew() {
        commit(1, 2);
        relay.relayAfterCommit();
        readsFromTheStart = 0;   // the first round reads from the start: it stands at 0
        commit(4);
        relay.relayAfterCommit();
        commit(5);
        relay.relayAfterCommit();
        assertThat(delivered).containsExactly(1L, 2L);
        assertThat(readsFromTheStart).isZero();
    }

    /**
     * Without the background thread a commit's round drops once enough gathered: it first delivers an event that
     * showed up at or below where the relay stands (here, below the store's position it resumed at), so that the drop
     * does not delete it unseen.
     */
    @Test
    void e2_aCommitsRoundDeliversWhatShowedUpBelowItsPlaceBeforeItDrops() {
        position = 10L;
        commit(5);
        for (long sequence = 11; sequence <= 11 + 300; sequence++) {
            commit(sequence);
            relay.relayAfterCommit();
        }
        assertThat(delivered).contains(5L).hasSize(302);
        assertThat(outbox).doesNotContainKey(5L);
    }

    /** A gap that shows up after others were first seen is waited for from when it shows up, not from before. */
    @Test
    void e2_aGapSeenLaterIsWaitedForItsOwnTime() {
        commit(1, 3);
        relay.relayAll();
        clock.advance(GAP_WAIT.dividedBy(2));
        commit(5);
        relay.relayAll();
        clock.advance(GAP_WAIT.dividedBy(2));
        relay.relayAll();
        assertThat(delivered).as("past the first gap, waiting at the second").containsExactly(1L, 3L);
        clock.advance(GAP_WAIT.dividedBy(2));
        relay.relayAll();
        assertThat(delivered).containsExactly(1L, 3L, 5L);
    }

    /** A store that cannot tell the relay's position (an SPI store without it): the relay starts at the first event. */
    @Test
    void e2_withoutAStorePositionAFreshRelayDeliversEverythingStoredAndAnEventThatShowsUpBelowIt() {
        position = null;
        commit(100, 101);
        relay.relayAll();
        commit(99);
        relay.relayAll();
        assertThat(delivered).containsExactly(100L, 101L, 99L);
        assertThat(outbox).isEmpty();
    }

    /**
     * The crash test's lost event: a relay that started at the first stored event (12) went past 11, still being
     * committed, and dropped it unseen once it showed up. It now resumes after the store's position (10) and waits at
     * 11 as at any gap.
     */
    @Test
    void e2_aStartingRelayResumesAtTheStorePositionAndWaitsForANumberStillBeingCommitted() {
        position = 10L;
        commit(12);
        relay.relayAfterCommit();
        assertThat(delivered).isEmpty();
        commit(11);
        relay.relayAfterCommit();
        relay.relayAll();
        assertThat(delivered).containsExactly(11L, 12L);
        assertThat(outbox).isEmpty();
        assertThat(position).isEqualTo(12L);
    }

    /** Past the position only: what a relay dropped is never delivered again by the next one. */
    @Test
    void e2_aStartingRelayDeliversNothingAtOrBelowThePosition() {
        commit(1, 2, 3);
        relay.relayAll();
        commit(4);
        EventDispatcher restarted = dispatcher("node-a");
        clock.advance(Duration.ofSeconds(11));
        restarted.relayAll();
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L);
    }

    /**
     * A node that takes the lease back after another node relayed and dropped goes on from the store's position, not
     * from its own old place: no wait at the numbers the other dropped, and nothing of them kept as open gaps.
     */
    @Test
    void e2_aNodeTakingTheLeaseBackResumesWhereTheOtherNodeDropped() {
        EventDispatcher other = dispatcher("node-b");
        commit(1, 2);
        relay.relayAll();
        clock.advance(Duration.ofSeconds(11));
        commit(3, 4);
        other.relayAll();
        clock.advance(Duration.ofSeconds(11));
        commit(5);
        relay.relayAll();
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(outbox).isEmpty();
    }

    /** A node whose own lease lapsed while it was idle, with nobody else relaying, delivers nothing twice. */
    @Test
    void e2_aLeaseThatLapsedWhileIdleResumesWithoutRedelivering() {
        commit(1, 2);
        relay.relayAfterCommit();
        clock.advance(Duration.ofSeconds(30));
        commit(3);
        relay.relayAfterCommit();
        assertThat(delivered).containsExactly(1L, 2L, 3L);
    }

    @Test
    void e2_onlyTheLeaseHolderRelaysUntilItsLeaseExpires() {
        EventDispatcher other = dispatcher("node-b");
        commit(1);
        relay.relayAll();
        commit(2);
        other.relayAll();
        assertThat(delivered).containsExactly(1L);
        clock.advance(Duration.ofSeconds(11));
        other.relayAll();
        assertThat(delivered).containsExactly(1L, 2L);
    }

    @Test
    void e2_afterACommitOnlyNewEventsAreReadAndDropsAreBatched() {
        commit(1, 2);
        relay.relayAfterCommit();
        assertThat(delivered).containsExactly(1L, 2L);
        assertThat(outbox).as("kept until a batch gathers or the background relay runs").hasSize(2);
        relay.relayAll();
        assertThat(outbox).isEmpty();
        assertThat(delivered).containsExactly(1L, 2L);
    }

    @Test
    void e2_whileTheBackgroundThreadRunsACommitsRoundDeliversButNeverDrops() {
        relay.dropInBackground(true);
        for (long sequence = 1; sequence <= 600; sequence++) {
            commit(sequence);
            relay.relayAfterCommit();
        }
        assertThat(delivered).hasSize(600);
        assertThat(outbox).as("past two drop batches, still all kept for the background round").hasSize(600);
        relay.relayAll();
        assertThat(outbox).isEmpty();
    }

    @Test
    void e2_withNobodySubscribedAndTheBackgroundThreadRunningACommitsRoundTouchesNoOutbox() {
        EventDispatcher unheard = new EventDispatcher(outbox(), clock, "node-c", Duration.ofSeconds(10), GAP_WAIT,
                new NotifyNextDocuments(outbox(), new Scope("us-east-1", "123456789012"), null));
        unheard.dropInBackground(true);
        for (long sequence = 1; sequence <= 600; sequence++) {
            commit(sequence);
            unheard.relayAfterCommit();
        }
        assertThat(outbox).hasSize(600);
        unheard.relayAll();
        assertThat(outbox).isEmpty();
    }
}
