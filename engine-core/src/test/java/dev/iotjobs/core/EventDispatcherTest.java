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
    private Runnable duringNextDelete;
    private String leaseOwner;
    private Instant leaseUntil = Instant.MIN;

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
                    case "eventsAfter" -> outbox.tailMap((Long) args[0], false).values().stream()
                            .limit((Integer) args[1]).toList();
                    case "deleteEventsThrough" -> {
                        deletes++;
                        Runnable during = duringNextDelete;
                        duringNextDelete = null;
                        if (during != null) {
                            during.run();
                        }
                        outbox.headMap((Long) args[0], true).clear();
                        yield null;
                    }
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

    @Test
    void e2_aFreshRelayDeliversEverythingStoredAndAnEventThatShowsUpBelowIt() {
        commit(100, 101);
        relay.relayAll();
        commit(99);
        relay.relayAll();
        assertThat(delivered).containsExactly(100L, 101L, 99L);
        assertThat(outbox).isEmpty();
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
