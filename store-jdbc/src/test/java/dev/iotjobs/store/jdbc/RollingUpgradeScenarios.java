package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.event.JobDeleted;
import dev.iotjobs.spi.StoredEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Several engine versions on one database during a rolling upgrade (two repositories, each with a pool of its
 * own, as two nodes): the relay lease is timed by the database's clock, and an outbox row a newer version wrote
 * (a type or an enum name this one does not know) is neither a failure nor lost (SPEC E1, E2: at least once, in
 * commit order).
 */
abstract class RollingUpgradeScenarios {

    /** @return the test's store for the suite's database */
    abstract FreshStore store();

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void relayLease_nodesWithClocksAnHourApartCannotBothHoldIt() {
        JdbcJobRepository a = store().node();
        JdbcJobRepository b = store().node();
        Instant t = Instant.now();

        assertThat(a.acquireEventRelay("a", t, t.plus(LEASE))).isTrue();
        Instant hourAhead = t.plus(Duration.ofHours(1));
        assertThat(b.acquireEventRelay("b", hourAhead, hourAhead.plus(LEASE))).isFalse();
        assertThat(a.acquireEventRelay("a", hourAhead, hourAhead.plus(LEASE))).as("renewed by its owner").isTrue();
        Instant hourBehind = t.minus(Duration.ofHours(1));
        assertThat(b.acquireEventRelay("b", hourBehind, hourBehind.plus(LEASE))).isFalse();
    }

    @Test
    void relayLease_aNodeWhoseClockRunsAheadDoesNotKeepItPastItsLength() throws InterruptedException {
        JdbcJobRepository a = store().node();
        JdbcJobRepository b = store().node();
        Instant hourAhead = Instant.now().plus(Duration.ofHours(1));
        assertThat(a.acquireEventRelay("a", hourAhead, hourAhead.plusMillis(200))).isTrue();
        assertThat(b.acquireEventRelay("b", Instant.now(), Instant.now().plus(LEASE))).isFalse();

        Thread.sleep(500); // the lease's 200 ms, by the database's clock, are over
        assertThat(b.acquireEventRelay("b", Instant.now(), Instant.now().plus(LEASE))).isTrue();
    }

    @Test
    void unknownEvents_areNeitherDeliveredPastNorDeleted_andTheRelayLeaseIsGivenUp() {
        JdbcJobRepository older = store().node();
        JdbcJobRepository newer = store().node();
        DataSource db = store().sharedDatabase();
        insertEvent(db, "'JobDeleted', 'before', NULL");
        insertEvent(db, "'JobPaused', 'new-type', NULL"); // a type from a newer version
        insertEvent(db, "'JobStatusChanged', 'new-status', 'PAUSED'"); // a known type, a newer status
        insertEvent(db, "'JobDeleted', 'after', NULL");
        Instant now = Instant.now();
        assertThat(older.acquireEventRelay("older", now, now.plus(LEASE))).isTrue();

        List<StoredEvent> read = older.eventsAfter(0, 100);

        assertThat(read).extracting(StoredEvent::event).extracting(e -> ((JobDeleted) e).jobId())
                .as("what comes before the unknown event, in order, and nothing past it").containsExactly("before");
        assertThat(newer.acquireEventRelay("newer", now, now.plus(LEASE))).as("the older node gave up its lease")
                .isTrue();

        older.deleteEventsThrough(Long.MAX_VALUE);

        assertThat(jobIdsInOutbox(db)).as("the rows it cannot read are kept for a newer node")
                .containsExactly("new-type", "new-status");
    }

    private static void insertEvent(DataSource db, String typeJobIdStatus) {
        TestDatabases.execute(db, "INSERT INTO iotjobs_event (event_type, job_id, status, occurred_at) VALUES ("
                + typeJobIdStatus + ", " + Instant.now().toEpochMilli() + ")");
    }

    private static List<String> jobIdsInOutbox(DataSource db) {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT job_id FROM iotjobs_event ORDER BY sequence_number")) {
            List<String> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
