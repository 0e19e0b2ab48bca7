package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.spi.JobRecord;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H2 has no shared row locks, so a job's counter slots guard its row ({@link SlotGuard}, issue 12): devices of one job
 * commit in parallel (SPEC X1 at scale), and a writer of the job's row waits for the devices in the middle of their
 * commits and then sees their changes (SPEC C1).
 */
class H2SlotGuardTest {
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:thing/";

    private HikariDataSource pool;
    private JdbcJobRepository store;
    private JdbcSpy spy;
    private JobsEngine engine;

    @BeforeEach
    void twoDevicesOfOneJobInProgress() {
        pool = TestDatabases.newH2();
        JdbcJobRepository.create(pool).close();
        spy = new JdbcSpy(pool);
        store = JdbcJobRepository.open(spy.dataSource());
        engine = JobsEngine.builder().repository(store).build();
        for (String thing : new String[] {"t1", "t2"}) {
            engine.things().createThing(CreateThingRequest.builder().thingName(thing).build());
        }
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j").document("{}")
                .targets(ARN + "t1", ARN + "t2").build());
        for (String thing : new String[] {"t1", "t2"}) {
            engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                    .thingName(thing).build());
        }
    }

    @AfterEach
    void dropDatabase() {
        engine.close();
        store.close();
        TestDatabases.shutDownH2(pool);
    }

    @Test
    void x1_aDeviceOfAJobCommitsWhileAnotherDeviceOfItIsInTheMiddleOfItsCommit() {
        AtomicBoolean otherCommitted = new AtomicBoolean();
        // t1's device has added its delta to its slot and checked the job; its execution's write comes next.
        spy.beforeNext("UPDATE iotjobs_execution", connection -> {
            Thread other = onAnotherSlot(() -> succeed("t2"));
            other.start();
            join(other, 10_000);
            otherCommitted.set(!other.isAlive());
        });
        succeed("t1");

        assertThat(otherCommitted).as("t2's device committed while t1's commit was open").isTrue();
        JobRecord job = store.findJob("j").orElseThrow();
        assertThat(job.counts().succeeded()).isEqualTo(2);
        assertThat(job.counts().inProgress()).isZero();
        assertThat(job.job().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void c1_aCancelOfTheJobWaitsForADeviceInTheMiddleOfItsCommitAndKeepsItsChange() throws Exception {
        AtomicReference<Thread> cancel = new AtomicReference<>();
        AtomicBoolean cancelWaited = new AtomicBoolean();
        spy.beforeNext("UPDATE iotjobs_execution", connection -> {
            Thread canceling = new Thread(() -> engine.controlPlane().cancelJob(CancelJobRequest.builder().jobId("j")
                    .force(true).build()));
            cancel.set(canceling);
            canceling.start();
            join(canceling, 500);
            cancelWaited.set(canceling.isAlive());
        });
        succeed("t1");
        join(cancel.get(), 10_000);
        while (engine.runDueWork() > 0 || Boolean.TRUE.equals(engine.controlPlane()
                .describeJob(DescribeJobRequest.builder().jobId("j").build()).job().isConcurrent())) {
            Thread.onSpinWait();
        }

        assertThat(cancelWaited).as("the cancel waited for the device's commit").isTrue();
        assertThat(store.findExecution("j", "t1", null).orElseThrow().status())
                .isEqualTo(JobExecutionStatus.SUCCEEDED);
        assertThat(store.findExecution("j", "t2", null).orElseThrow().status())
                .isEqualTo(JobExecutionStatus.CANCELED);
        JobRecord job = store.findJob("j").orElseThrow();
        assertThat(job.counts().succeeded()).isEqualTo(1);
        assertThat(job.counts().canceled()).isEqualTo(1);
        assertThat(job.counts().inProgress()).isZero();
    }

    private void succeed(String thing) {
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j").thingName(thing)
                .status(JobExecutionStatus.SUCCEEDED).expectedVersion(2L).build());
    }

    /**
     * A thread whose counter slot is not the calling thread's: a thread's slot is its id plus the store's offset,
     * modulo the slots ({@link CounterSlots#slot()}), so two ids that differ modulo the slots never share one.
     */
    private static Thread onAnotherSlot(Runnable work) {
        long mine = Thread.currentThread().getId();
        while (true) {
            Thread thread = new Thread(work);
            if ((thread.getId() - mine) % CounterSlots.SLOTS != 0) {
                return thread;
            }
        }
    }

    private static void join(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
