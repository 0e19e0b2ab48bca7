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
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobProcessDetails;
import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.spi.StatusCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;

/**
 * Kills an engine with SIGKILL in the middle of a device load and restarts it on the same database (SPEC C2, E2):
 * every acknowledged update is there, counters equal statuses, and the events the dead engine had not delivered are
 * delivered after the restart, so that the events delivered before and after add up to the counters.
 */
abstract class CrashRecoveryTest {
    private static final int THINGS = 300;
    private static final int THREADS = 4;
    private static final int ACKS_BEFORE_KILL = 150;
    private static final String JOB = "crash-job";

    /** @return a JDBC URL of a fresh database the child JVM can reach too */
    protected abstract String freshDatabaseUrl(Path dir) throws Exception;

    protected abstract String user();

    protected abstract String password();

    void killedMidLoadLosesNothing(Path dir) throws Exception {
        String url = freshDatabaseUrl(dir);
        List<String> setupEvents = new ArrayList<>();
        JobsEngine setup = engine(url, Clock.systemUTC(), setupEvents);
        setup.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        for (int i = 0; i < THINGS; i++) {
            setup.things().createThing(CreateThingRequest.builder().thingName(CrashDatabases.thing(i)).build());
            setup.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("fleet")
                    .thingName(CrashDatabases.thing(i)).build());
        }
        setup.controlPlane().createJob(CreateJobRequest.builder().jobId(JOB).document("{\"op\":\"flash\"}")
                .targets("arn:aws:iot:us-east-1:123456789012:thinggroup/fleet").build());

        // An H2 file database is open in one process at a time: the set-up lets go of it before the child starts.
        closeStoresAndPools();
        Path acks = dir.resolve("acks.txt");
        Path childEvents = dir.resolve("events.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashLoad.class.getName(), url, user(), password(),
                acks.toString(), childEvents.toString(), Integer.toString(THINGS), Integer.toString(THREADS))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (lines(acks).size() < ACKS_BEFORE_KILL) {
            assertThat(child.isAlive()).as("child died early: %s", Files.exists(dir.resolve("child.log"))
                    ? Files.readString(dir.resolve("child.log")) : "").isTrue();
            assertThat(System.nanoTime()).as("child too slow").isLessThan(deadline);
            Thread.sleep(20);
        }
        child.destroyForcibly();   // SIGKILL: no shutdown hook, no rollback by the JVM, the database cleans up.
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // The restarted node takes over the relay lease once the dead node's lease has run out: by the database's
        // clock, which times the lease (a node's clock set 11 s ahead no longer takes it), so end it there.
        List<String> restartEvents = new ArrayList<>();
        JobsEngine restarted = engine(url, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(11)), restartEvents);
        TestDatabases.execute(pools.get(pools.size() - 1), "UPDATE iotjobs_event_relay SET lease_until = 0");
        restarted.relayEvents();
        // A transaction the kill cut off may have taken a sequence number it never committed: a gap, which the relay
        // waits for (2 s by default) before going past it (E2: late, never lost). Devices of one job no longer
        // commit in sequence order (issue 12), so such gaps sit among committed events more often.
        Thread.sleep(2_500);
        restarted.relayEvents();

        for (String ack : lines(acks)) {
            String[] part = ack.split(",");
            JobExecution execution = restarted.controlPlane().describeJobExecution(DescribeJobExecutionRequest
                    .builder().jobId(part[1]).thingName(part[0]).build()).execution();
            long ackedVersion = Long.parseLong(part[3]);
            assertThat(execution.versionNumber()).as("acknowledged %s", ack).isGreaterThanOrEqualTo(ackedVersion);
            if (part[2].equals("SUCCEEDED")) {
                assertThat(execution.status()).as("acknowledged %s", ack).isEqualTo(JobExecutionStatus.SUCCEEDED);
            }
        }
        JobProcessDetails counters = restarted.controlPlane().describeJob(DescribeJobRequest.builder().jobId(JOB)
                .build()).job().jobProcessDetails();
        StatusCounts statuses = statusesOf(restarted);
        assertThat(counters.numberOfQueuedThings()).isEqualTo(statuses.queued());
        assertThat(counters.numberOfInProgressThings()).isEqualTo(statuses.inProgress());
        assertThat(counters.numberOfSucceededThings()).isEqualTo(statuses.succeeded());
        assertThat(statuses.queued() + statuses.inProgress() + statuses.succeeded()).isEqualTo(THINGS);

        // Events: what the set-up, the dead node and the restarted node delivered, each counted once.
        Set<String> delivered = new LinkedHashSet<>(setupEvents);
        delivered.addAll(lines(childEvents));
        delivered.addAll(restartEvents);
        assertThat(foldOfExecutionEvents(delivered)).as("every committed event delivered at least once")
                .isEqualTo(statuses);
    }

    private final List<JdbcJobRepository> stores = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    /** The stores first: on H2 each holds a connection that keeps the database open. */
    @AfterEach
    void closeStoresAndPools() {
        stores.forEach(JdbcJobRepository::close);
        stores.clear();
        pools.forEach(HikariDataSource::close);
        pools.clear();
    }

    private JobsEngine engine(String url, Clock clock, List<String> events) {
        HikariDataSource pool = CrashDatabases.dataSource(url, user(), password());
        pools.add(pool);
        JdbcJobRepository store = JdbcJobRepository.create(pool);
        stores.add(store);
        JobsEngine engine = JobsEngine.builder()
                .repository(store)
                .clock(clock).nodeId("node-" + System.nanoTime()).build();
        engine.events().subscribe(event -> events.add(event.toString()));
        return engine;
    }

    private static StatusCounts statusesOf(JobsEngine engine) {
        StatusCounts counts = StatusCounts.ZERO;
        String token = null;
        do {
            ListJobExecutionsForJobResponse page = engine.controlPlane().listJobExecutionsForJob(
                    ListJobExecutionsForJobRequest.builder().jobId(JOB).maxResults(250).nextToken(token).build());
            for (var summary : page.executionSummaries()) {
                counts = counts.plus(summary.jobExecutionSummary().status(), 1);
            }
            token = page.nextToken();
        } while (token != null);
        return counts;
    }

    private static final Pattern CREATED = Pattern.compile("JobExecutionCreated\\[.*status=(\\w+),");
    private static final Pattern MOVED = Pattern.compile("JobExecutionStatusChanged\\[.*from=(\\w+), to=(\\w+),");

    /** Counters by folding events written as text (records print their members). */
    private static StatusCounts foldOfExecutionEvents(Set<String> events) {
        StatusCounts counts = StatusCounts.ZERO;
        for (String event : events) {
            Matcher created = CREATED.matcher(event);
            Matcher moved = MOVED.matcher(event);
            if (created.find()) {
                counts = counts.plus(JobExecutionStatus.valueOf(created.group(1)), 1);
            } else if (moved.find()) {
                counts = counts.plus(JobExecutionStatus.valueOf(moved.group(1)), -1)
                        .plus(JobExecutionStatus.valueOf(moved.group(2)), 1);
            }
        }
        return counts;
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file);
        // A line the kill cut off has no line end: leave it out.
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }
}
