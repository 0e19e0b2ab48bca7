package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.event.JobDeleted;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummaryForJob;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobSummary;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
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
 * commit order); job and execution rows with a status this version does not know are left out of its reads, so it
 * neither fails on them nor writes them back (issue 12); a retry an older node wrote without the retries its chain
 * used gets the right answer all the same (V12).
 */
abstract class RollingUpgradeScenarios {

    /** @return the test's store for the suite's database */
    abstract FreshStore store();

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";

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

    @Test
    void unknownStatuses_jobAndExecutionRowsANewerVersionWroteAreLeftOutOfReadsAndNeverWrittenBack() {
        JobsEngine engine = JobsEngine.builder().repository(store().node()).build();
        DataSource db = store().sharedDatabase();
        for (String thing : List.of("t1", "t2")) {
            engine.things().createThing(CreateThingRequest.builder().thingName(thing).build());
        }
        for (String job : List.of("known", "paused")) {
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId(job).document("{}")
                    .targets(ARN + "thing/t1", ARN + "thing/t2").build());
        }
        // What a newer version could write: a job status and an execution status this one does not know.
        TestDatabases.execute(db, "UPDATE iotjobs_job SET status = 'PAUSED' WHERE job_id = 'paused'");
        TestDatabases.execute(db, "UPDATE iotjobs_execution SET status = 'WAITING_FOR_USER' WHERE job_id = 'known'"
                + " AND thing_name = 't2'");

        assertThat(engine.controlPlane().listJobs(ListJobsRequest.builder().build()).jobs())
                .extracting(JobSummary::jobId).containsExactly("known");
        assertThatThrownBy(() -> engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId("paused")
                .build())).isInstanceOf(ResourceNotFoundException.class);
        assertThat(engine.controlPlane().listJobExecutionsForJob(ListJobExecutionsForJobRequest.builder()
                .jobId("known").build()).executionSummaries()).extracting(JobExecutionSummaryForJob::thingArn)
                .containsExactly(ARN + "thing/t1");
        assertThat(engine.dataPlane().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder()
                .thingName("t2").build()).queuedJobs()).isEmpty();
        assertThat(engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t1").build()).execution().jobId()).isEqualTo("known");
        engine.runDueWork();

        assertThat(TestDatabases.queryString(db, "SELECT status FROM iotjobs_job WHERE job_id = 'paused'"))
                .isEqualTo("PAUSED");
        assertThat(TestDatabases.queryString(db, "SELECT status FROM iotjobs_execution WHERE job_id = 'known'"
                + " AND thing_name = 't2'")).isEqualTo("WAITING_FOR_USER");
    }

    /**
     * SPEC T5, G7 (V12): a retry written without the retries its chain used (a row stored before V12, or inserted by
     * a node of an earlier version, leaves the columns NULL) still gets exactly the retries left: this version counts
     * the chain's earlier executions for that one decision, and the retry it queues carries the counts again.
     */
    @Test
    void retriesUsed_aRetryAnOlderNodeWroteWithoutThemStillGetsExactlyTheRetriesLeft() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobsEngine engine = JobsEngine.builder().repository(store().node()).clock(clock).build();
        DataSource db = store().sharedDatabase();
        engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("r").document("{}").targets(ARN + "thing/t1")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(1L).build())
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                        RetryCriteria.builder().failureType(RetryableFailureType.FAILED).numberOfRetries(1).build(),
                        RetryCriteria.builder().failureType(RetryableFailureType.TIMED_OUT).numberOfRetries(1).build())
                        .build()).build());
        startNext(engine, "t1");
        clock.advance(Duration.ofMinutes(2));
        engine.runDueWork();   // 1 TIMED_OUT, retried: 2 carries one timeout used
        assertThat(retriesUsed(db, 2)).isEqualTo("0/1");
        forgetRetriesUsed(db);

        startNext(engine, "t1");
        fail(engine, "t1");    // 2 FAILED: counted from the chain (one timeout, no failure), retried
        assertThat(retriesUsed(db, 3)).as("the retry carries them again").isEqualTo("1/1");
        forgetRetriesUsed(db);

        startNext(engine, "t1");
        fail(engine, "t1");    // 3 FAILED: counted from the chain (one failure used of one): no retry

        assertThat(engine.controlPlane().listJobExecutionsForJob(ListJobExecutionsForJobRequest.builder()
                        .jobId("r").build()).executionSummaries())
                .extracting(s -> s.jobExecutionSummary().executionNumber() + " " + s.jobExecutionSummary().status())
                .containsExactly("1 TIMED_OUT", "2 FAILED", "3 FAILED");
    }

    private static void startNext(JobsEngine engine, String thing) {
        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName(thing).build());
    }

    private static void fail(JobsEngine engine, String thing) {
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("r").thingName(thing)
                .status(JobExecutionStatus.FAILED).build());
    }

    /** What an older node's insert of a retry, or a row stored before V12, holds. */
    private static void forgetRetriesUsed(DataSource db) {
        TestDatabases.execute(db, "UPDATE iotjobs_execution SET retries_used_failed = NULL,"
                + " retries_used_timed_out = NULL");
    }

    private static String retriesUsed(DataSource db, long executionNumber) {
        return TestDatabases.queryString(db, "SELECT CAST(retries_used_failed AS VARCHAR) || '/' ||"
                + " CAST(retries_used_timed_out AS VARCHAR) FROM iotjobs_execution WHERE job_id = 'r'"
                + " AND execution_number = " + executionNumber);
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
