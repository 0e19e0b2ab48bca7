package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.StoredEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC C2: a connection lost in the middle of a commit is {@link ServiceUnavailableException} with the cause,
 * nothing of the changeset is applied, and the store works again on a new connection.
 */
class StoreFailureTest {
    private final List<HikariDataSource> h2 = new ArrayList<>();
    private final List<HikariDataSource> postgres = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        h2.forEach(TestDatabases::shutDownH2);
        postgres.forEach(HikariDataSource::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aConnectionLostInTheMiddleOfACommitAppliesNothing(String database) {
        HikariDataSource pool = pool(database);
        JdbcSpy spy = new JdbcSpy(pool);
        JdbcJobRepository store = JdbcJobRepository.open(spy.dataSource());
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        store.acquireEventRelay("elsewhere", clock.instant(), clock.instant().plusSeconds(60));
        JobsEngine engine = JobsEngine.builder().repository(store).clock(clock).build();
        engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document("{}")
                .targets("arn:aws:iot:us-east-1:123456789012:thing/t1").build());
        JobRecord job = store.findJob("j1").orElseThrow();
        int events = store.eventsAfter(0, 100).size();

        // The execution and the counters are written; the connection goes before the event is.
        spy.beforeNext("INSERT INTO iotjobs_event", connection -> breakConnection(database, pool, connection));
        assertThatThrownBy(() -> engine.dataPlane().startNextPendingJobExecution(
                StartNextPendingJobExecutionRequest.builder().thingName("t1").build()))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasRootCauseInstanceOf(SQLException.class);

        ExecutionRecord execution = store.findExecution("j1", "t1", null).orElseThrow();
        assertThat(execution.status()).isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(execution.versionNumber()).isEqualTo(1);
        assertThat(store.findJob("j1")).contains(job);
        assertThat(store.eventsAfter(0, 100)).hasSize(events);

        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t1").build());
        assertThat(store.findExecution("j1", "t1", null).orElseThrow().status())
                .isEqualTo(JobExecutionStatus.IN_PROGRESS);
        assertThat(store.findJob("j1").orElseThrow().counts().inProgress()).isEqualTo(1);
    }

    /**
     * SPEC J9 across a crash: the commit that drains a job and the completion step after it are two transactions;
     * a process that stops in between leaves the job drained but IN_PROGRESS, and due work completes it, once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void j9_aCompletionLostAfterTheDrainingCommitIsMadeByDueWorkOnce(String database) {
        HikariDataSource pool = pool(database);
        JdbcSpy spy = new JdbcSpy(pool);
        JdbcJobRepository store = JdbcJobRepository.open(spy.dataSource());
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        // Another node holds the relay: the outbox keeps every event for the test to count.
        store.acquireEventRelay("elsewhere", clock.instant(), clock.instant().plusSeconds(60));
        JobsEngine engine = JobsEngine.builder().repository(store).clock(clock).build();
        engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document("{}")
                .targets("arn:aws:iot:us-east-1:123456789012:thing/t1").build());
        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t1").build());

        spy.beforeNext("SET status = 'COMPLETED'", connection -> {
            throw new IllegalStateException("the process stops here");
        });
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1").thingName("t1")
                .status(JobExecutionStatus.SUCCEEDED).build());

        JobRecord drained = store.findJob("j1").orElseThrow();
        assertThat(drained.job().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(drained.counts().succeeded()).isEqualTo(1);
        assertThat(store.drainedJobs(10)).extracting(JobRecord::jobId).containsExactly("j1");

        engine.runDueWork();
        engine.runDueWork();

        assertThat(store.findJob("j1").orElseThrow().job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(store.drainedJobs(10)).isEmpty();
        assertThat(store.eventsAfter(0, 100)).extracting(StoredEvent::event)
                .filteredOn(event -> event instanceof JobStatusChanged changed && changed.to() == JobStatus.COMPLETED)
                .hasSize(1);
    }

    @Test
    void aDatabaseThatIsGoneIsServiceUnavailable() {
        HikariDataSource pool = pool("h2");
        JdbcJobRepository store = JdbcJobRepository.open(pool);
        pool.close();

        assertThatThrownBy(() -> store.findJob("j1")).isInstanceOf(ServiceUnavailableException.class)
                .hasCauseInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> JdbcJobRepository.create(pool)).isInstanceOf(ServiceUnavailableException.class);
    }

    private HikariDataSource pool(String database) {
        if ("postgres".equals(database)) {
            HikariDataSource pool = TestDatabases.newPostgresPool();
            postgres.add(pool);
            TestDatabases.empty(pool);
            return pool;
        }
        HikariDataSource pool = TestDatabases.newH2();
        h2.add(pool);
        JdbcJobRepository.create(pool).close();
        return pool;
    }

    /** PostgreSQL: the server ends the session from another connection. H2: the pool takes the connection back. */
    private static void breakConnection(String database, DataSource pool, Connection connection) {
        try {
            if ("postgres".equals(database)) {
                long pid;
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pid = rs.getLong(1);
                }
                TestDatabases.execute(pool, "SELECT pg_terminate_backend(" + pid + ")");
            } else {
                connection.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
