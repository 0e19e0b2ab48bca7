package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.StatusCounts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every transaction locks a job's row before rows of its executions. A forced cancel (job, then its executions)
 * racing devices that finish those executions (execution, then the job's counters, were the order the other way)
 * would deadlock on PostgreSQL, each deadlock a second's stall before the database breaks it.
 */
class PostgresLockOrderTest {
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:thing/";
    private static final int THINGS = 100;
    private static final int DEVICES = 8;

    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Test
    void aForcedCancelRacingDevicesNeverDeadlocks() throws Exception {
        JdbcJobRepository repository = store.repository();
        JobsEngine engine = JobsEngine.builder().repository(repository).build();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < THINGS; i++) {
            engine.things().createThing(CreateThingRequest.builder().thingName("t" + i).build());
            targets.add(ARN + "t" + i);
        }
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j").document("{}").targets(targets).build());
        for (int i = 0; i < THINGS; i++) {
            engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                    .thingName("t" + i).build());
        }
        long deadlocksBefore = deadlocks();

        ExecutorService pool = Executors.newFixedThreadPool(DEVICES + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int d = 0; d < DEVICES; d++) {
                int device = d;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = THINGS - 1 - device; i >= 0; i -= DEVICES) {
                        try {
                            engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j")
                                    .thingName("t" + i).status(JobExecutionStatus.SUCCEEDED).build());
                        } catch (JobsException canceledMeanwhile) {
                            // The cancel came first for this one.
                        }
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                start.await();
                try {
                    engine.controlPlane().cancelJob(CancelJobRequest.builder().jobId("j").force(true).build());
                } catch (JobsException completedMeanwhile) {
                    // The devices finished every execution first.
                }
                return null;
            }));
            start.countDown();
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        StatusCounts counted = StatusCounts.ZERO;
        for (ExecutionRecord execution : repository.listExecutionsForJob("j", null, null, THINGS).items()) {
            assertThat(execution.isPending()).isFalse();
            counted = counted.plus(execution.status(), 1);
        }
        assertThat(repository.findJob("j").orElseThrow().counts()).isEqualTo(counted);
        // The statistics arrive a moment later.
        Thread.sleep(700);
        assertThat(deadlocks() - deadlocksBefore).isZero();
    }

    private static long deadlocks() throws SQLException {
        try (Connection connection = TestDatabases.postgres().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
