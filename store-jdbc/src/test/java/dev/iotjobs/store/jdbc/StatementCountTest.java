package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForThingRequest;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import dev.iotjobs.spi.JobRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact SQL statements of the device round trip and of each list page, so that a change that adds one (a
 * look-up per row, a check per item) fails here. Each statement is one round trip to the database; a batch counts
 * once. The relay lines belong to the engine's event relay (one subscriber), run after each commit that stored
 * events.
 */
class StatementCountTest {
    private static final String ACCOUNT_ARN = "arn:aws:iot:us-east-1:123456789012:";

    private final List<HikariDataSource> h2 = new ArrayList<>();
    private JdbcSpy spy;
    private JobsEngine engine;
    private MutableClock clock;

    @AfterEach
    void dropDatabases() {
        h2.forEach(TestDatabases::shutDownH2);
    }

    private void start(String database) {
        start(database, true);
    }

    private void start(String database, boolean notificationsAndSubscriber) {
        HikariDataSource pool = TestDatabases.emptyDatabase(database, h2);
        spy = new JdbcSpy(pool);
        JobRepository store = spy.labelled(JdbcJobRepository.open(spy.dataSource()));
        clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        engine = JobsEngine.builder().repository(store).clock(clock).deviceNotifications(notificationsAndSubscriber)
                .build();
        if (notificationsAndSubscriber) {
            engine.events().subscribe(event -> {
            });
        }
        for (String thing : List.of("t1", "t2", "t3")) {
            engine.things().createThing(CreateThingRequest.builder().thingName(thing).build());
        }
        for (String job : List.of("j1", "j2", "j3")) {
            clock.advance(Duration.ofSeconds(1));
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId(job).document("{}")
                    .targets(ACCOUNT_ARN + "thing/t1", ACCOUNT_ARN + "thing/t2", ACCOUNT_ARN + "thing/t3").build());
        }
        spy.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void deviceRoundTrip(String database) {
        start(database);
        List<String> jobCheck = jobCheck(database);

        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t1").build());

        List<String> expected = startNextOfTheHead(database);
        // The relay: the lease is still held (renewed by set-up) and drops are batched, so only new events.
        expected.add("eventsAfter: SELECT iotjobs_event");
        assertThat(spy.statements()).containsExactlyElementsOf(expected);
        spy.clear();

        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1").thingName("t1")
                .status(JobExecutionStatus.SUCCEEDED).expectedVersion(2L).build());

        expected = new ArrayList<>(List.of(
                // The job's revision and counts with the thing's latest execution: one query (issue 12).
                "findJobAndExecution: SELECT iotjobs_job",
                // SPEC E4: the execution leaves the thing's queue, so the thing's row is locked first...
                "commit: SELECT iotjobs_thing",
                "commit: UPDATE iotjobs_job_count"));
        expected.addAll(jobCheck);
        expected.addAll(List.of(
                "commit: UPDATE iotjobs_execution",
                // ... and its queue read once, after every write: notify and notify-next come from it.
                "commit: SELECT iotjobs_execution",
                "commit: INSERT iotjobs_event x3",
                "commit: COMMIT",
                // SPEC J8, J9: right after the commit that may have drained the job, whether it did (not yet here:
                // the conditional completion's transaction is left out).
                "commit: SELECT iotjobs_job",
                "eventsAfter: SELECT iotjobs_event",
                // notify-next is delivered with the new head's job document.
                "findJob: SELECT iotjobs_job"));
        assertThat(spy.statements()).containsExactlyElementsOf(expected);
    }

    /**
     * StartNext of the thing's head: the head with its job's revision and counts (the rest of the job as this node
     * read it before, issue 12), then the device's commit.
     */
    private static List<String> startNextOfTheHead(String database) {
        List<String> statements = new ArrayList<>(List.of("headOfQueue: SELECT iotjobs_execution"));
        statements.addAll(deviceCommit(database));
        return statements;
    }

    /**
     * A device's commit that leaves the thing's queue unnoticed: the job check, the counters on one of the job's slots
     * (not its row: SPEC X1 at scale), the version's compare-and-set (C2), the event. On PostgreSQL one statement in
     * auto-commit (issue 12); on H2, which has no shared row locks, the check is a read of its own after the delta
     * locked the slot ({@code SlotGuard}), and the transaction's commit another.
     */
    private static List<String> deviceCommit(String database) {
        if (database.equals("postgres")) {
            return List.of("commit: WITH SELECT iotjobs_job, UPDATE iotjobs_job_count, UPDATE iotjobs_execution,"
                    + " INSERT iotjobs_event");
        }
        return List.of(
                "commit: UPDATE iotjobs_job_count",
                "commit: SELECT iotjobs_job",
                "commit: UPDATE iotjobs_execution",
                "commit: INSERT iotjobs_event",
                "commit: COMMIT");
    }

    /** The job's check where the database locks in no sub-select; elsewhere it is in the slot's statement. */
    /**
     * SPEC C1 on H2: the job's revision, read after the commit's delta locked its counter slot ({@code SlotGuard}: no
     * lock on the job's row); on PostgreSQL in the slot's statement.
     */
    private static List<String> jobCheck(String database) {
        return database.equals("h2") ? List.of("commit: SELECT iotjobs_job") : List.of();
    }

    /**
     * The benchmarks' round trip (issue 12): no device notifications, nobody subscribed. The node's first read of the
     * job reads it in full; from then on, on PostgreSQL, 5 statements: two reads, two single-statement commits and the
     * check whether the job is drained.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void x1_c1_deviceRoundTripWithoutNotificationsOrSubscribers(String database) {
        start(database, false);

        roundTrip("t1");
        List<String> expected = new ArrayList<>(startNextOfTheHead(database));
        expected.add(1, "headOfQueue: SELECT iotjobs_job");   // the job, read in full once
        expected.add("findJobAndExecution: SELECT iotjobs_job");
        expected.addAll(deviceCommit(database));
        expected.add("commit: SELECT iotjobs_job");
        assertThat(spy.statements()).containsExactlyElementsOf(expected);
        spy.clear();

        roundTrip("t2");
        expected = new ArrayList<>(startNextOfTheHead(database));
        // Nobody subscribed: the relay reads nothing and, before 256 commits, drops nothing.
        expected.add("findJobAndExecution: SELECT iotjobs_job");
        expected.addAll(deviceCommit(database));
        expected.add("commit: SELECT iotjobs_job");
        assertThat(spy.statements()).containsExactlyElementsOf(expected);
        assertThat(spy.statements()).hasSize(database.equals("postgres") ? 5 : 13);
    }

    private void roundTrip(String thingName) {
        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName(thingName).build());
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1").thingName(thingName)
                .status(JobExecutionStatus.SUCCEEDED).expectedVersion(2L).build());
    }

    /**
     * SPEC T5 (issue 12): a FAILED update with retries left reads the job and the execution (findJob, findExecution),
     * then commits the ending with its retry: the retries the chain used travel on the execution, so no listing of the thing's executions
     * runs mid-decision, neither for the first attempt nor for a retry; nor does a timeout's retry list them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void t5_aFailedUpdateWithRetriesLeftListsNoExecutions(String database) {
        start(database, false);
        engine.things().createThing(CreateThingRequest.builder().thingName("t4").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("r").document("{}")
                .targets(ACCOUNT_ARN + "thing/t4")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(1L).build())
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.ALL).numberOfRetries(3).build()).build()).build());

        for (long attempt = 1; attempt <= 2; attempt++) {
            assertThat(engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest
                    .builder().thingName("t4").build()).execution().executionNumber()).isEqualTo(attempt);
            spy.clear();

            engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("r").thingName("t4")
                    .status(JobExecutionStatus.FAILED).build());

            // The reads of the job and the execution (findJob and findExecution, or one query that reads both),
            // then nothing but the commit.
            List<String> statements = spy.statements();
            List<String> reads = statements.stream().takeWhile(statement -> !statement.startsWith("commit: "))
                    .toList();
            assertThat(reads).as("attempt %d: the reads", attempt).isNotEmpty()
                    .allMatch(statement -> statement.startsWith("findJob") || statement.startsWith("findExecution"));
            assertThat(statements.subList(reads.size(), statements.size()))
                    .as("attempt %d: the commit, with the retry", attempt)
                    .contains("commit: INSERT iotjobs_execution", "commit: COMMIT")
                    .allMatch(statement -> statement.startsWith("commit: "));
        }
        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t4").build());
        spy.clear();
        clock.advance(Duration.ofMinutes(2));

        engine.runDueWork();

        assertThat(spy.statements()).as("the timeout of the third attempt and its retry")
                .contains("commit: INSERT iotjobs_execution")
                .noneMatch(statement -> statement.startsWith("listExecutions"));
    }

    /**
     * SPEC T3 at scale (issue 12, found by the fleet simulation): a burst of timeouts of one job is one read of the due
     * executions, one of the job and one commit per batch; the commit's compare-and-sets stand in for reading each
     * execution again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void t3_aBurstOfTimeoutsReadsNoExecutionOneByOne(String database) {
        start(database, false);
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("timed").document("{}")
                .targets(ACCOUNT_ARN + "thing/t1", ACCOUNT_ARN + "thing/t2", ACCOUNT_ARN + "thing/t3")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(1L).build()).build());
        for (String thing : List.of("t1", "t2", "t3")) {
            engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("timed").thingName(thing)
                    .status(JobExecutionStatus.IN_PROGRESS).build());
        }
        clock.advance(Duration.ofMinutes(2));
        spy.clear();

        engine.runDueWork();

        assertThat(spy.statements()).as("the three timeouts")
                .containsSubsequence("executionsDueBy: SELECT iotjobs_execution", "findJob: SELECT iotjobs_job",
                        "commit: UPDATE iotjobs_execution x3")
                .noneMatch(statement -> statement.startsWith("findExecution"));
        assertThat(engine.controlPlane().listJobExecutionsForJob(ListJobExecutionsForJobRequest.builder()
                .jobId("timed").status(JobExecutionStatus.TIMED_OUT).build()).executionSummaries()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void listPagesAreOneQueryEach(String database) {
        start(database);

        String token = engine.controlPlane().listJobs(ListJobsRequest.builder().maxResults(2).build()).nextToken();
        engine.controlPlane().listJobs(ListJobsRequest.builder().maxResults(2).nextToken(token).build());
        assertThat(spy.statements()).containsExactly(
                "listJobs: SELECT iotjobs_job",
                "listJobs: SELECT iotjobs_job");
        spy.clear();

        token = engine.controlPlane().listJobExecutionsForJob(ListJobExecutionsForJobRequest.builder().jobId("j1")
                .maxResults(2).build()).nextToken();
        engine.controlPlane().listJobExecutionsForJob(ListJobExecutionsForJobRequest.builder().jobId("j1")
                .maxResults(2).nextToken(token).build());
        assertThat(spy.statements()).containsExactly(
                "findJob: SELECT iotjobs_job",
                "listExecutionsForJob: SELECT iotjobs_execution",
                "findJob: SELECT iotjobs_job",
                "listExecutionsForJob: SELECT iotjobs_execution");
        spy.clear();

        token = engine.controlPlane().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder()
                .thingName("t1").maxResults(2).build()).nextToken();
        engine.controlPlane().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder()
                .thingName("t1").maxResults(2).nextToken(token).build());
        // As for a job's executions, the thing is read first: an unknown one is ResourceNotFoundException (X12).
        assertThat(spy.statements()).containsExactly(
                "findThing: SELECT iotjobs_thing",
                "listExecutionsForThing: SELECT iotjobs_execution",
                "findThing: SELECT iotjobs_thing",
                "listExecutionsForThing: SELECT iotjobs_execution");
    }
}
