package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CancelJobExecutionRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateJobTemplateRequest;
import dev.iotjobs.api.control.DeleteJobTemplateRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.AttributePayload;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobFilter;
import dev.iotjobs.spi.JobListKey;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.JobTemplateListKey;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.ThingExecutionsKey;
import dev.iotjobs.spi.ThingFilter;
import dev.iotjobs.spi.ThingGroupFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No statement of the store scans a table: every query, update and delete it runs while a fleet works (reads of
 * every kind, the device round trip, cancels, a thing's deletion, a job's deletion cascade) is explained by the
 * database with the same parameters, and its plan must go through an index. On PostgreSQL sequential scans are
 * disabled for the explanation, so a plan still showing one has no index to use.
 */
class QueryPlanTest {
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";
    private static final int THINGS = 60;
    /** An index's conditions in H2's plan: the comment after the table's name. */
    private static final Pattern INDEX_CONDITIONS = Pattern.compile("/\\*([^*]*)\\*/");
    /** The rows a table's read went through in H2's EXPLAIN ANALYZE. */
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private final List<HikariDataSource> h2 = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        h2.forEach(TestDatabases::shutDownH2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyStatementGoesThroughAnIndex(String database) throws SQLException {
        HikariDataSource pool = TestDatabases.emptyDatabase(database, h2);
        JdbcSpy spy = new JdbcSpy(pool);
        JobRepository store = JdbcJobRepository.open(spy.dataSource());
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobsEngine engine = JobsEngine.builder().repository(store).clock(clock).build();
        engine.events().subscribe(event -> {
        });
        seed(engine, clock);
        if (!"h2".equals(database)) {
            TestDatabases.execute(pool, "ANALYZE");
        }
        spy.clear();

        work(engine, store, clock);

        Map<String, String> scans = new LinkedHashMap<>();
        Map<String, String> keyListsFiltered = new LinkedHashMap<>();
        List<String> orderedReads = new ArrayList<>();
        try (Connection connection = pool.getConnection()) {
            if (!"h2".equals(database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET enable_seqscan = off");
                }
            }
            for (JdbcSpy.Executed executed : spy.executed()) {
                String verb = executed.sql().strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                if (verb.equals("INSERT") && !executed.sql().contains("SELECT")) {
                    continue;
                }
                String plan = explain(connection, executed);
                if (plan.contains("tableScan") || plan.contains("Seq Scan")) {
                    scans.put(executed.sql(), plan);
                }
                // H2 only: its plan does not depend on the rows there are (PostgreSQL's planner rightly filters the
                // few targets of this small fleet on the job index).
                if ("h2".equals(database) && executed.sql().contains("= ANY(") && !keyListIsAnIndexCondition(plan)) {
                    keyListsFiltered.put(executed.sql(), plan);
                }
                // Pages; not the few executions of one job on one thing (the latest, or a listing of them).
                boolean ordered = verb.equals("SELECT") && executed.sql().contains("ORDER BY")
                        && !executed.sql().contains("LIMIT 1") && !executed.sql().contains("AND e.job_id = ")
                        && !executed.sql().contains("a.attribute_value >= ")
                        && !executed.sql().contains(" FROM UNNEST(");   // the rows of at most 1,000 keys
                boolean rollout = executed.sql().contains("FROM iotjobs_rollout_target");
                if (ordered && ("h2".equals(database) || rollout)) {
                    orderedReads.add(executed.sql() + "\n" + plan);
                }
            }
        }
        assertThat(spy.executed()).hasSizeGreaterThan(40);
        assertThat(scans).as("statements that scan a table").isEmpty();
        // A key list the index does not take is a filter over every row of the index's prefix (all things of a kind,
        // all targets of a job): at a million things it cost seconds per registration (stop 22's fleet simulation).
        assertThat(keyListsFiltered).as("key lists (= ANY) checked row by row, not looked up in the index").isEmpty();
        // A job, a group or a thing may hold a whole fleet: a page reads its first rows in index order and sorts
        // none. On H2 every page; on PostgreSQL, whose planner rightly sorts the few rows of this small fleet, the
        // rollout listing.
        assertThat(orderedReads).isNotEmpty();
        assertThat(orderedReads.stream().filter(plan ->
                "h2".equals(database) ? !plan.contains("index sorted") : plan.contains("Sort")).toList())
                .as("ordered reads that sort").isEmpty();
    }

    /**
     * SPEC T3 at scale: the due queries (of the background thread and of every DescribeJob) read the rows that are due,
     * not those without a timer. H2 sorts NULLs first in an index, and for a bare {@code deadline <= :now} it read
     * every execution without a deadline (a million in the fleet simulation: seconds a query).
     */
    @Test
    void t3_onH2TheDueQueriesReadNoRowOfAnExecutionWithoutATimer() throws SQLException {
        HikariDataSource pool = TestDatabases.emptyDatabase("h2", h2);
        JdbcSpy spy = new JdbcSpy(pool);
        JobRepository store = JdbcJobRepository.open(spy.dataSource());
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobsEngine engine = JobsEngine.builder().repository(store).clock(clock).build();
        seed(engine, clock);   // 6 jobs over 60 things; 30 executions started with a 10-minute step timer
        spy.clear();

        assertThat(store.executionsDueBy(clock.instant(), 10)).isEmpty();
        assertThat(store.jobsDueBy(clock.instant().minusSeconds(3600), 10)).isEmpty();

        Map<String, Long> rowsRead = new LinkedHashMap<>();
        try (Connection connection = pool.getConnection()) {
            for (JdbcSpy.Executed executed : spy.executed()) {
                if (executed.sql().strip().startsWith("SELECT")) {
                    rowsRead.put(executed.sql(), scanCount(connection, executed));
                }
            }
        }
        assertThat(rowsRead).hasSize(2);
        assertThat(rowsRead).as("rows each due query read (H2's scanCount)").allSatisfy((sql, rows) ->
                assertThat(rows).as(sql).isLessThanOrEqualTo(1L));
    }

    private static long scanCount(Connection connection, JdbcSpy.Executed executed) throws SQLException {
        try (PreparedStatement statement = executed.bind(connection.prepareStatement("EXPLAIN ANALYZE "
                + executed.sql()));
             ResultSet rs = statement.executeQuery()) {
            long rows = 0;
            while (rs.next()) {
                Matcher count = SCAN_COUNT.matcher(rs.getString(1));
                while (count.find()) {
                    rows += Long.parseLong(count.group(1));
                }
            }
            return rows;
        }
    }

    /** A fleet: things in nested groups, snapshot and continuous jobs, some executions started. */
    private static void seed(JobsEngine engine, MutableClock clock) {
        engine.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        engine.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("lab")
                .parentGroupName("fleet").build());
        for (int i = 0; i < THINGS; i++) {
            String thing = "thing-" + i;
            engine.things().createThing(CreateThingRequest.builder().thingName(thing)
                    .thingTypeName(i % 2 == 0 ? "sensor" : "switch")
                    .attributePayload(AttributePayload.builder().attributes(Map.of("rack", "r" + i % 7)).build())
                    .build());
            engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder()
                    .thingGroupName(i % 3 == 0 ? "lab" : "fleet").thingName(thing).build());
        }
        for (int j = 0; j < 6; j++) {
            clock.advance(Duration.ofSeconds(1));
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId("job-" + j).document("{}")
                    .targets(ARN + "thinggroup/fleet")
                    .targetSelection(j % 2 == 0 ? TargetSelection.SNAPSHOT : TargetSelection.CONTINUOUS).build());
        }
        for (int t = 0; t < 4; t++) {
            clock.advance(Duration.ofSeconds(1));
            engine.controlPlane().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("tmpl-" + t)
                    .description("template " + t).document("{}").build());
        }
        for (int i = 0; i < THINGS; i += 2) {
            engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                    .thingName("thing-" + i).stepTimeoutInMinutes(10L).build());
        }
    }

    /** Every read of the SPI, and the writes of the common operations. */
    private static void work(JobsEngine engine, JobRepository store, MutableClock clock) {
        Instant now = clock.instant();
        store.findJob("job-1");
        store.findExecution("job-1", "thing-1", 1L);
        store.findExecution("job-1", "thing-1", null);
        store.pendingExecutions("thing-3", 10);
        // The device's reads (issue 12): a job this node read before, with an execution, and the head of a queue.
        store.findJobAndExecution("job-1", "thing-1");
        store.findJobAndExecution("job-1", "thing-1");
        store.headOfQueue("thing-3");
        store.listJobs(JobFilter.ALL, null, 2);
        store.listJobs(JobFilter.ALL, new JobListKey(now.minusSeconds(3), "job-2"), 2);
        store.listJobs(new JobFilter(JobStatus.IN_PROGRESS, null, null), new JobListKey(now.minusSeconds(3), "job-2"),
                2);
        store.listJobs(new JobFilter(null, TargetSelection.CONTINUOUS, null), null, 2);
        store.listJobs(new JobFilter(JobStatus.IN_PROGRESS, TargetSelection.SNAPSHOT, ARN + "thinggroup/fleet"),
                new JobListKey(now.minusSeconds(5), "job-0"), 2);
        store.listExecutionsForJob("job-2", null, null, 5);
        store.listExecutionsForJob("job-2", JobExecutionStatus.QUEUED, new JobExecutionsKey("thing-10", 1), 5);
        store.listExecutionsForThing("thing-4", null, null, null, 2);
        store.listExecutionsForThing("thing-4", JobExecutionStatus.QUEUED, null,
                new ThingExecutionsKey(now.minusSeconds(4), "job-1", 1), 2);
        store.listExecutionsForThing("thing-4", null, "job-3", null, 2);
        store.executionsDueBy(now.plusSeconds(3600), 10);
        store.jobsDueBy(now, 10);
        store.findThing("thing-5");
        store.findThingGroup("lab");
        store.findThingGroupById("no-such-id");
        store.childGroups("fleet");
        store.thingsInGroups(List.of("fleet", "lab"), "thing-10", 5);
        store.groupsOfThing("thing-6");
        // SPEC G6: the registry listings.
        store.listThings(ThingFilter.ALL, "thing-10", 5);
        store.listThings(new ThingFilter("sensor", null, null, false), "thing-10", 5);
        store.listThings(new ThingFilter(null, "rack", "r1", false), "thing-10", 5);
        store.listThings(new ThingFilter(null, "rack", "r", true), "thing-10", 5);
        store.listThingGroups(new ThingGroupFilter(null, false, null), "a", 5);
        store.listThingGroups(new ThingGroupFilter(null, true, null), "a", 5);
        store.listThingGroups(new ThingGroupFilter("fleet", false, null), "a", 5);
        store.listThingGroups(new ThingGroupFilter(null, false, "f"), null, 5);
        store.eventsAfter(0, 10);
        // Custom job templates (SPEC J14): by id, and the listing's pages.
        store.findJobTemplate("tmpl-1");
        store.listJobTemplates(null, 2);
        store.listJobTemplates(new JobTemplateListKey(now.minusSeconds(3), "tmpl-1"), 2);
        // Rollout targets (SPEC T7) straight through the SPI: held back for a job the changeset does not write
        // (the job's lock), listed, released.
        RolloutTarget held = new RolloutTarget("job-1", "thing-11", List.of(0));
        store.commit(Changeset.builder().holdBack(held).build());
        store.rolloutTargets("job-1", 10);
        store.commit(Changeset.builder().release(held).build());

        // SPEC G2, G3: a leave and a join find the continuous jobs through the target index.
        store.continuousJobsTargeting(List.of(ARN + "thinggroup/lab", ARN + "thinggroup/fleet"));
        store.groupMembershipRevisions(List.of("lab", "fleet"));
        store.thingMembershipRevision("thing-3");
        engine.things().removeThingFromThingGroup(dev.iotjobs.api.control.RemoveThingFromThingGroupRequest.builder()
                .thingGroupName("lab").thingName("thing-3").build());
        engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("lab")
                .thingName("thing-3").build());

        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("thing-1").build());
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("job-0")
                .thingName("thing-1").status(JobExecutionStatus.SUCCEEDED).build());
        engine.controlPlane().cancelJobExecution(CancelJobExecutionRequest.builder().jobId("job-1")
                .thingName("thing-2").build());
        engine.things().deleteThing(DeleteThingRequest.builder().thingName("thing-7").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("late").document("{}")
                .targets(ARN + "thing/thing-8", ARN + "thing/thing-9").build());
        engine.controlPlane().deleteJob(DeleteJobRequest.builder().jobId("job-5").force(true).build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("templated").targets(ARN + "thing/thing-8")
                .jobTemplateArn(ARN + "jobtemplate/tmpl-0").build());
        engine.controlPlane().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("copy")
                .description("copied").jobArn(ARN + "job/job-1").build());
        engine.controlPlane().deleteJobTemplate(DeleteJobTemplateRequest.builder().jobTemplateId("tmpl-2").build());
        clock.advance(Duration.ofHours(2));
        engine.runDueWork();
    }

    /**
     * H2 names an index's conditions in a comment after the table ({@code /* PUBLIC.PK: NAME IN('a', 'b') }, once
     * bound). It looks a key list up in the index only on the index's first column and only without another
     * condition on that index: with one ({@code KIND = ?1 AND NAME = ANY(..)}, {@code PENDING_RANK >= 0 AND
     * THING_NAME = ANY(..)}) it reads every row the other condition leaves, though the plan names the list
     * (measured: 170-300 ms a query over 300,000 rows, against 0.2-0.5 ms). Those statements join the keys as a
     * table ({@code Statements.keyTable}).
     */
    private static boolean keyListIsAnIndexCondition(String plan) {
        Matcher comment = INDEX_CONDITIONS.matcher(plan);
        while (comment.find()) {
            String conditions = comment.group(1);
            if ((conditions.contains("= ANY(") || conditions.contains(" IN(")) && !conditions.contains(" AND ")) {
                return true;
            }
        }
        return false;
    }

    private static String explain(Connection connection, JdbcSpy.Executed executed) throws SQLException {
        try (PreparedStatement statement = executed.bind(connection.prepareStatement("EXPLAIN " + executed.sql()));
             ResultSet rs = statement.executeQuery()) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }
}
