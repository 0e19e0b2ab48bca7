package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.core.JobsEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file stays near the size of its data while the store runs ({@link H2FileMaintenance}): with durable commits
 * ({@code WRITE_DELAY 0}) H2 runs no background writer, and under steady device updates the file grew with every
 * commit (36 GB at a million things, issue 12).
 */
class H2FileMaintenanceTest {
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";
    private static final int THINGS = 400;
    private static final int JOBS = 2;
    private static final int PROGRESS_UPDATES = 4_000;

    @TempDir
    Path directory;

    @Test
    void anH2FileStaysNearTheSizeOfItsDataUnderSteadyDeviceUpdates() {
        FileState unmaintained = runDevices("unmaintained", null);
        FileState maintained = runDevices("maintained", Duration.ofMillis(50));
        // Measured here: 89 MB at a fill rate of 1% without, 3.4 MB at 16% with.
        assertThat(maintained.bytes()).as("%s against %s", maintained, unmaintained)
                .isLessThan(unmaintained.bytes() / 4);
        assertThat(maintained.chunksFillRate()).as("%s against %s", maintained, unmaintained)
                .isGreaterThan(unmaintained.chunksFillRate());
    }

    @Test
    void aMaintainedFileReopensWithEverythingItHeld() {
        String url = url("reopened");
        HikariDataSource pool = TestDatabases.h2(url);
        JobProcessDetails before;
        try (JdbcJobRepository store = JdbcJobRepository.create(pool, Duration.ofSeconds(5), Duration.ofMillis(20));
                JobsEngine engine = JobsEngine.builder().repository(store).build()) {
            fleetInProgress(engine);
            progress(engine, PROGRESS_UPDATES / 4);
            before = details(engine, "job-0");
        } finally {
            pool.close();
        }

        HikariDataSource again = TestDatabases.h2(url);
        try (JdbcJobRepository store = JdbcJobRepository.create(again);
                JobsEngine engine = JobsEngine.builder().repository(store).build()) {
            assertThat(details(engine, "job-0")).isEqualTo(before);
            assertThat(before.numberOfInProgressThings()).isEqualTo(THINGS);
        } finally {
            again.close();
        }
    }

    @Test
    void noMaintenanceRunsBesideAnInMemoryDatabase() {
        HikariDataSource pool = TestDatabases.newH2();
        try (JdbcJobRepository store = JdbcJobRepository.create(pool)) {
            assertThat(store.maintainsItsFile()).isFalse();
        } finally {
            TestDatabases.shutDownH2(pool);
        }
    }

    @Test
    void closingTheStoreEndsItsMaintenance() {
        HikariDataSource pool = TestDatabases.h2(url("closed"));
        try {
            JdbcJobRepository store = JdbcJobRepository.create(pool, Duration.ofSeconds(5), Duration.ofMillis(20));
            assertThat(store.maintainsItsFile()).isTrue();
            assertThat(maintenanceThreads("closed")).isOne();
            assertThat(setting(pool, "RETENTION_TIME")).isEqualTo("40"); // two rounds of 20 ms
            store.close();
            assertThat(setting(pool, "RETENTION_TIME")).isEqualTo("45000"); // H2's own, the database still open
            // The pool has ended; its worker thread may take a moment more to go.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (maintenanceThreads("closed") > 0 && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait();
            }
            assertThat(maintenanceThreads("closed")).isZero();
        } finally {
            pool.close();
        }
    }

    /** The fleet's devices all in progress, then steady progress reports from devices picked at random. */
    private FileState runDevices(String name, Duration maintenancePeriod) {
        HikariDataSource pool = TestDatabases.h2(url(name));
        try (JdbcJobRepository store = JdbcJobRepository.create(pool, Duration.ofSeconds(5), maintenancePeriod);
                JobsEngine engine = JobsEngine.builder().repository(store).build()) {
            fleetInProgress(engine);
            progress(engine, PROGRESS_UPDATES);
            assertThat(details(engine, "job-0").numberOfInProgressThings()).isEqualTo(THINGS);
            return fileState(pool, directory.resolve(name + ".mv.db"));
        } finally {
            pool.close();
        }
    }

    private void fleetInProgress(JobsEngine engine) {
        engine.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        for (int i = 0; i < THINGS; i++) {
            engine.things().createThing(CreateThingRequest.builder().thingName(thing(i)).build());
            engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("fleet")
                    .thingName(thing(i)).build());
        }
        for (int job = 0; job < JOBS; job++) {
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId("job-" + job).document("{}")
                    .targets(ARN + "thinggroup/fleet").build());
        }
        for (int i = 0; i < THINGS; i++) {
            for (int job = 0; job < JOBS; job++) {
                engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("job-" + job)
                        .thingName(thing(i)).status(JobExecutionStatus.IN_PROGRESS).build());
            }
        }
    }

    private static void progress(JobsEngine engine, int updates) {
        Random random = new Random(42);
        for (int update = 0; update < updates; update++) {
            engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder()
                    .jobId("job-" + random.nextInt(JOBS)).thingName(thing(random.nextInt(THINGS)))
                    .status(JobExecutionStatus.IN_PROGRESS).statusDetails(Map.of("step", "s" + update)).build());
        }
    }

    private static JobProcessDetails details(JobsEngine engine, String jobId) {
        return engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job()
                .jobProcessDetails();
    }

    private String url(String name) {
        return "jdbc:h2:file:" + directory.resolve(name);
    }

    private static String thing(int i) {
        return "device-" + i;
    }

    /** @return the maintenance threads alive for this test's file of that name */
    private long maintenanceThreads(String name) {
        String prefix = H2FileMaintenance.THREAD_NAME + " " + directory.resolve(name);
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive()).count();
    }

    /** What an operator sees of the file: its size, and the share of live pages in its chunks (H2's own figure). */
    private static FileState fileState(HikariDataSource pool, Path file) {
        try {
            return new FileState(Files.size(file), Integer.parseInt(setting(pool, "info.CHUNKS_FILL_RATE")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(HikariDataSource pool, String name) {
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            statement.setString(1, name);
            try (ResultSet settings = statement.executeQuery()) {
                settings.next();
                return settings.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record FileState(long bytes, int chunksFillRate) {
    }
}
