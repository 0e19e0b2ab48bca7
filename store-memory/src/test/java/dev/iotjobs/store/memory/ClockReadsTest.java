package dev.iotjobs.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.data.DescribeJobExecutionRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.JobsEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (decide, then commit): one attempt of a device operation reads the engine's clock once, and every rule of
 * that attempt (the timeout check, the transition, the retry's timestamps, the view) decides at that one instant.
 * The event relay's lease, timed after the commit, is not part of the decision and not counted.
 */
class ClockReadsTest {
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";

    private final CountingClock clock = new CountingClock();
    private JobsEngine engine;

    @BeforeEach
    void createJob() {
        engine = JobsEngine.builder().repository(new InMemoryJobRepository()).clock(clock).build();
        engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j").document("{}").targets(ARN + "thing/t1")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(10L).build())
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.FAILED).numberOfRetries(2).build()).build()).build());
    }

    @Test
    void eachDeviceOperationReadsTheClockOnce() {
        assertThat(reads(() -> engine.dataPlane().startNextPendingJobExecution(
                StartNextPendingJobExecutionRequest.builder().thingName("t1").build()))).as("StartNext").isOne();
        assertThat(reads(() -> engine.dataPlane().describeJobExecution(DescribeJobExecutionRequest.builder()
                .jobId("j").thingName("t1").build()))).as("DescribeJobExecution").isOne();
        assertThat(reads(() -> engine.dataPlane().describeJobExecution(DescribeJobExecutionRequest.builder()
                .jobId("$next").thingName("t1").build()))).as("DescribeJobExecution $next").isOne();
        assertThat(reads(() -> engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j")
                .thingName("t1").status(JobExecutionStatus.FAILED).build()))).as("a FAILED update, retried")
                .isOne();
    }

    private int reads(Runnable operation) {
        int before = clock.reads.get();
        operation.run();
        return clock.reads.get() - before;
    }

    /** A fixed clock that counts how often it is read, but for the event relay's lease (read after a commit). */
    private static final class CountingClock extends Clock {
        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (StackWalker.getInstance().walk(frames -> frames.noneMatch(
                    frame -> frame.getClassName().equals("dev.iotjobs.core.EventDispatcher")))) {
                reads.incrementAndGet();
            }
            return Instant.parse("2026-01-01T00:00:00Z");
        }
    }
}
