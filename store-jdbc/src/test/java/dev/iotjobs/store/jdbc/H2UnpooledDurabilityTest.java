package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobExecutionRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobResponse;
import dev.iotjobs.api.control.ListThingsInThingGroupRequest;
import dev.iotjobs.api.control.ListThingsInThingGroupResponse;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummaryForJob;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.JobsEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8: the README's H2 set-up, an unpooled {@link JdbcDataSource} on a file, under 8 device threads. Without a
 * connection that keeps it open, H2 closed and reopened the file between calls and lost writes it had acknowledged
 * (SPEC C2: nothing half-applied, nothing acknowledged lost). Each round registers things, creates one job over
 * them, runs every device to SUCCEEDED, closes the store, shuts H2 down, and checks on a fresh store over the file
 * that every acknowledged thing, job, execution and counter is there.
 *
 * <p>{@code -Dh2durability.rounds} and {@code -Dh2durability.things} (per thread) size it; the defaults keep
 * {@code mvn -B verify} short and failed most rounds of the code before the fix.
 */
class H2UnpooledDurabilityTest {
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";
    private static final int THREADS = 8;
    private static final int ROUNDS = Integer.getInteger("h2durability.rounds", 3);
    private static final int THINGS_PER_THREAD = Integer.getInteger("h2durability.things", 500);

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)   // without the fix, a round takes minutes, then fails
    void c2_everyAcknowledgedWriteSurvivesOnAnUnpooledFileDataSource() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String url = "jdbc:h2:file:" + directory.resolve("round-" + round).resolve("jobs");
            Acknowledged acknowledged = load(url);
            shutDown(url);
            Acknowledged found = stored(url);
            assertThat(lost(acknowledged, found)).as("round %d of %d", round, ROUNDS).isEmpty();
        }
    }

    /** What the engine acknowledged, and what a fresh store finds: the same when nothing was lost. */
    private record Acknowledged(TreeSet<String> things, JobStatus jobStatus, JobProcessDetails counters,
                                Map<String, String> executions) {
    }

    /** @return what was acknowledged but is not found as acknowledged, briefly; empty when nothing was lost */
    private static List<String> lost(Acknowledged acknowledged, Acknowledged found) {
        List<String> lost = new ArrayList<>();
        TreeSet<String> things = new TreeSet<>(acknowledged.things());
        things.removeAll(found.things());
        if (!things.isEmpty()) {
            lost.add(things.size() + " of " + acknowledged.things().size() + " things, first " + things.first());
        }
        if (acknowledged.jobStatus() != found.jobStatus()) {
            lost.add("job status " + acknowledged.jobStatus() + ", found " + found.jobStatus());
        }
        if (!Objects.equals(acknowledged.counters(), found.counters())) {
            lost.add("counters " + acknowledged.counters() + ", found " + found.counters());
        }
        long executions = acknowledged.executions().entrySet().stream()
                .filter(e -> !e.getValue().equals(found.executions().get(e.getKey()))).count();
        if (executions > 0) {
            lost.add(executions + " of " + acknowledged.executions().size() + " executions as acknowledged");
        }
        return lost;
    }

    private static Acknowledged load(String url) throws Exception {
        try (JdbcJobRepository store = JdbcJobRepository.create(TestDatabases.unpooledH2(url));
             JobsEngine engine = JobsEngine.builder().repository(store).build()) {
            // A row H2 keeps in memory only: it is gone if H2 closes the database at any moment of the load.
            sql(url, "CREATE MEMORY TABLE open_since_create(id INT) NOT PERSISTENT",
                    "INSERT INTO open_since_create VALUES (1)");
            return load(url, engine);
        }
    }

    private static Acknowledged load(String url, JobsEngine engine) throws Exception {
        engine.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        TreeSet<String> things = new TreeSet<>();
        Map<String, String> executions = new ConcurrentHashMap<>();
        ExecutorService devices = Executors.newFixedThreadPool(THREADS);
        try {
            List<List<String>> slices = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<String> slice = new ArrayList<>();
                for (int i = 0; i < THINGS_PER_THREAD; i++) {
                    slice.add(String.format("device-%d-%04d", t, i));
                }
                slices.add(slice);
            }
            List<Future<?>> registered = new ArrayList<>();
            for (List<String> slice : slices) {
                registered.add(devices.submit(() -> slice.forEach(thing -> register(engine, thing))));
            }
            for (Future<?> done : registered) {
                done.get();
            }
            assertStillOpen(url);
            slices.forEach(things::addAll);
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId("firmware").document("{\"v\":1}")
                    .targets(ARN + "thinggroup/fleet").build());
            engine.runDueWork();   // SPEC C4: the group's things past CreateJob's first batch
            List<Future<?>> worked = new ArrayList<>();
            for (List<String> slice : slices) {
                worked.add(devices.submit(() -> slice.forEach(thing ->
                        executions.put(thing, succeed(engine, thing)))));
            }
            for (Future<?> done : worked) {
                done.get();
            }
        } finally {
            devices.shutdownNow();
        }
        Job job = engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId("firmware").build()).job();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.jobProcessDetails().numberOfSucceededThings()).isEqualTo(things.size());
        assertStillOpen(url);
        return new Acknowledged(things, job.status(), job.jobProcessDetails(), new HashMap<>(executions));
    }

    private static void register(JobsEngine engine, String thing) {
        engine.things().createThing(CreateThingRequest.builder().thingName(thing).build());
        engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("fleet")
                .thingName(thing).build());
    }

    /** @return the execution's status and version as the device's last update was answered */
    private static String succeed(JobsEngine engine, String thing) {
        JobExecution next = engine.dataPlane().startNextPendingJobExecution(
                StartNextPendingJobExecutionRequest.builder().thingName(thing).build()).execution();
        long version = engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder()
                .jobId(next.jobId()).thingName(thing).status(JobExecutionStatus.SUCCEEDED)
                .expectedVersion(next.versionNumber()).includeJobExecutionState(true).build())
                .executionState().versionNumber();
        return JobExecutionStatus.SUCCEEDED + "@" + version;
    }

    private static void assertStillOpen(String url) throws SQLException {
        assertThat(sql(url, "SELECT COUNT(*) FROM open_since_create")).as("H2 never closed the database").isEqualTo(1);
    }

    /** Runs statements on a connection of its own; @return the first column of the last one's first row, or 0 */
    private static long sql(String url, String... statements) throws SQLException {
        long first = 0;
        try (Connection connection = TestDatabases.unpooledH2(url).getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                if (statement.execute(sql)) {
                    try (var rows = statement.getResultSet()) {
                        first = rows.next() ? rows.getLong(1) : 0;
                    }
                }
            }
        }
        return first;
    }

    /** Closes the database in this JVM, so that the next store reads the file. */
    private static void shutDown(String url) throws SQLException {
        sql(url, "SHUTDOWN");
    }

    private static Acknowledged stored(String url) {
        TreeSet<String> things = new TreeSet<>();
        Job job = null;
        Map<String, String> executions = new HashMap<>();
        try (JdbcJobRepository store = JdbcJobRepository.create(TestDatabases.unpooledH2(url))) {
            JobsEngine engine = JobsEngine.builder().repository(store).build();
            String token = null;
            do {
                ListThingsInThingGroupResponse page = engine.things().listThingsInThingGroup(
                        ListThingsInThingGroupRequest.builder().thingGroupName("fleet").nextToken(token)
                                .maxResults(250).build());
                things.addAll(page.things());
                token = page.nextToken();
            } while (token != null);
            job = engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId("firmware").build()).job();
            token = null;
            do {
                ListJobExecutionsForJobResponse page = engine.controlPlane().listJobExecutionsForJob(
                        ListJobExecutionsForJobRequest.builder().jobId("firmware").nextToken(token).maxResults(250)
                                .build());
                for (JobExecutionSummaryForJob execution : page.executionSummaries()) {
                    String thing = execution.thingArn().substring(execution.thingArn().lastIndexOf('/') + 1);
                    JobExecution stored = engine.controlPlane().describeJobExecution(DescribeJobExecutionRequest
                            .builder().jobId("firmware").thingName(thing).build()).execution();
                    executions.put(thing, stored.status() + "@" + stored.versionNumber());
                }
                token = page.nextToken();
            } while (token != null);
        } catch (ResourceNotFoundException e) {
            // The group or the job was lost: what they held counts as lost below.
        }
        try {
            shutDown(url);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Acknowledged(things, job == null ? null : job.status(),
                job == null ? null : job.jobProcessDetails(), executions);
    }
}
