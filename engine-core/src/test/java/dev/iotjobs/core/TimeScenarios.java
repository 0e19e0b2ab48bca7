package dev.iotjobs.core;

import static dev.iotjobs.api.model.JobExecutionStatus.FAILED;
import static dev.iotjobs.api.model.JobExecutionStatus.IN_PROGRESS;
import static dev.iotjobs.api.model.JobExecutionStatus.QUEUED;
import static dev.iotjobs.api.model.JobExecutionStatus.REJECTED;
import static dev.iotjobs.api.model.JobExecutionStatus.SUCCEEDED;
import static dev.iotjobs.api.model.JobExecutionStatus.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.DescribeJobExecutionRequest;
import dev.iotjobs.api.control.ListJobExecutionsForThingRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.model.AbortAction;
import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.AbortCriteria;
import dev.iotjobs.api.model.JobEndBehavior;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionFailureType;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.TimeoutConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Timeouts, retries, abort criteria and schedules with an injected clock (SPEC T1-T6, T8, T9) on the store under
 * test.
 */
public abstract class TimeScenarios extends EngineFixture {

    private static UnaryOperator<dev.iotjobs.api.control.CreateJobRequest.Builder> timeout(long minutes) {
        return b -> b.timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(minutes).build());
    }

    private static JobExecutionsRetryConfig retries(RetryableFailureType type, int count) {
        return JobExecutionsRetryConfig.builder().criteriaList(
                RetryCriteria.builder().failureType(type).numberOfRetries(count).build()).build();
    }

    private JobExecution execution(String jobId, String thing, long number) {
        return control().describeJobExecution(DescribeJobExecutionRequest.builder().jobId(jobId).thingName(thing)
                .executionNumber(number).build()).execution();
    }

    private void startWithStep(String thing, long minutes) {
        device().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder().thingName(thing)
                .stepTimeoutInMinutes(minutes).build());
    }

    @Test
    void t1_t3_anExecutionInProgressPastItsTimeoutTimesOutInDueWork() {
        things("t1");
        job("j1", timeout(5), "t1");
        startNext("t1");
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        engine.runDueWork();
        assertThat(execution("j1", "t1").status()).isEqualTo(IN_PROGRESS);
        clock.advance(Duration.ofMillis(1));
        assertThat(engine.runDueWork()).isEqualTo(1);
        JobExecution timedOut = execution("j1", "t1");
        assertThat(timedOut.status()).isEqualTo(TIMED_OUT);
        assertThat(timedOut.versionNumber()).isEqualTo(3L);
        assertThat(timedOut.approximateSecondsBeforeTimedOut()).isNull();
        assertThat(counters("j1").numberOfTimedOutThings()).isEqualTo(1);
        assertThat(counters("j1").numberOfInProgressThings()).isZero();
        assertThat(eventsOf(JobExecutionStatusChanged.class)).last()
                .satisfies(e -> assertThat(e.to()).isEqualTo(TIMED_OUT));
        assertThat(describe("j1").status()).as("J8: the last pending execution ended").isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void t2_theEarlierOfStepAndInProgressDeadlinesCounts() {
        things("t1", "t2");
        job("j1", timeout(10), "t1", "t2");
        startWithStep("t1", 2);
        startWithStep("t2", 20);
        clock.advance(Duration.ofMinutes(2));
        engine.runDueWork();
        assertThat(execution("j1", "t1").status()).isEqualTo(TIMED_OUT);
        assertThat(execution("j1", "t2").status()).isEqualTo(IN_PROGRESS);
        clock.advance(Duration.ofMinutes(8));
        engine.runDueWork();
        assertThat(execution("j1", "t2").status()).isEqualTo(TIMED_OUT);
    }

    /**
     * SPEC T3 at scale: DescribeJob gives the counters of the present by timing out what is due; while due work is
     * already sweeping, it waits for that sweep instead of sweeping the same due rows beside it (at 1,000,000 things a
     * burst of timeouts made the two race: stale commits, a lock timeout, a 44 s DescribeJob).
     */
    @Test
    void t3_describeJobWaitsForTheSweepAlreadyRunningAndThenSeesItsTimeouts() throws Exception {
        String[] fleet = new String[100];   // a job names at most 100 targets
        for (int i = 0; i < fleet.length; i++) {
            fleet[i] = "t" + i;
        }
        things(fleet);
        job("j1", timeout(1), fleet);
        for (String thing : fleet) {
            startNext(thing);
        }
        clock.advance(Duration.ofMinutes(2));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Future<Job>> read = new AtomicReference<>();
            AtomicBoolean doneDuringTheSweep = new AtomicBoolean();
            repository.beforeNextCommit(() -> {
                read.set(reader.submit(() -> describe("j1")));
                try {
                    read.get().get(300, TimeUnit.MILLISECONDS);
                    doneDuringTheSweep.set(true);
                } catch (TimeoutException expected) {
                    // still waiting for this sweep
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            engine.runDueWork();

            assertThat(doneDuringTheSweep).as("DescribeJob returned while the sweep it waits for ran").isFalse();
            assertThat(read.get().get(10, TimeUnit.SECONDS).jobProcessDetails()
                    .numberOfTimedOutThings()).isEqualTo(fleet.length);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void t3_readsSeeTheTimeoutEvenWhenDueWorkHasNotRun() {
        things("t1");
        job("j1", timeout(1), "t1");
        startNext("t1");
        clock.advance(Duration.ofMinutes(2));
        assertThat(device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder().thingName("t1")
                .build()).inProgressJobs()).isEmpty();
        assertThat(startNext("t1")).isNull();
        assertThat(execution("j1", "t1").status()).isEqualTo(TIMED_OUT);
        assertThat(control().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder().thingName("t1")
                .build()).executionSummaries().get(0).jobExecutionSummary().status()).isEqualTo(TIMED_OUT);
    }

    @Test
    void t3_aDeviceUpdatingTooLateFindsItsExecutionTimedOut() {
        things("t1");
        job("j1", timeout(1), "t1");
        startNext("t1");
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> update("j1", "t1", SUCCEEDED))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class,
                        e -> assertThat(e.executionState().status()).isEqualTo(TIMED_OUT));
        assertThat(counters("j1").numberOfSucceededThings()).isZero();
    }

    @Test
    void t4_secondsBeforeTimedOutRoundUp() {
        things("t1");
        job("j1", "t1");
        startWithStep("t1", 5);
        clock.advance(Duration.ofMillis(1500));
        assertThat(execution("j1", "t1").approximateSecondsBeforeTimedOut()).isEqualTo(299L);
        assertThat(execution("j1", "t1").startedAt()).isNotNull();
    }

    @Test
    void t5_aFailedExecutionIsQueuedAgainWhileRetriesLast() {
        things("t1");
        job("j1", b -> b.jobExecutionsRetryConfig(retries(RetryableFailureType.FAILED, 1)), "t1");
        startNext("t1");
        update("j1", "t1", FAILED);
        JobExecution retry = execution("j1", "t1");
        assertThat(retry.executionNumber()).isEqualTo(2L);
        assertThat(retry.status()).isEqualTo(QUEUED);
        assertThat(retry.versionNumber()).isEqualTo(1L);
        assertThat(retry.queuedAt()).isEqualTo(clock.instant());
        assertThat(control().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder().thingName("t1")
                .build()).executionSummaries()).extracting(s -> s.jobExecutionSummary().retryAttempt())
                .containsExactly(0, 1);
        assertThat(execution("j1", "t1", 1).status()).as("the failed attempt stays as it is").isEqualTo(FAILED);
        assertThat(describe("j1").status()).isEqualTo(JobStatus.IN_PROGRESS);
        startNext("t1");
        update("j1", "t1", FAILED);
        assertThat(execution("j1", "t1").executionNumber()).as("no retry left").isEqualTo(2L);
        assertThat(counters("j1").numberOfFailedThings()).as("X1: every attempt counts").isEqualTo(2);
        assertThat(describe("j1").status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(eventsOf(JobExecutionCreated.class)).hasSize(2);
    }

    @Test
    void t5_timeoutsRetryUnderAllAndRejectionsNever() {
        things("t1", "t2");
        job("j1", b -> timeout(1).apply(b).jobExecutionsRetryConfig(retries(RetryableFailureType.ALL, 1)),
                "t1", "t2");
        startNext("t1");
        update("j1", "t2", REJECTED);
        clock.advance(Duration.ofMinutes(1));
        engine.runDueWork();
        assertThat(execution("j1", "t1", 1).status()).isEqualTo(TIMED_OUT);
        JobExecution retry = execution("j1", "t1");
        assertThat(retry.executionNumber()).isEqualTo(2L);
        assertThat(retry.status()).isEqualTo(QUEUED);
        assertThat(execution("j1", "t2").executionNumber()).as("REJECTED is never retried").isEqualTo(1L);
    }

    @Test
    void t9_dueWorkOnTwoNodesTimesOutOnceAndRetriesOnce() throws Exception {
        things("t1");
        job("j1", b -> timeout(1).apply(b).jobExecutionsRetryConfig(retries(RetryableFailureType.TIMED_OUT, 3)),
                "t1");
        startNext("t1");
        JobsEngine other = JobsEngine.builder().repository(repository).clock(clock).region(REGION)
                .accountId(ACCOUNT).build();
        other.events().subscribe(EventSinks.jobEventsInto(events));
        clock.advance(Duration.ofMinutes(1));
        Thread racing = new Thread(other::runDueWork);
        racing.start();
        engine.runDueWork();
        racing.join();
        assertThat(execution("j1", "t1", 1).status()).isEqualTo(TIMED_OUT);
        assertThat(execution("j1", "t1").executionNumber()).isEqualTo(2L);
        assertThat(counters("j1").numberOfTimedOutThings()).isEqualTo(1);
        assertThat(counters("j1").numberOfQueuedThings()).isEqualTo(1);
        other.relayEvents();
        engine.relayEvents();
        assertThat(eventsOf(JobExecutionStatusChanged.class)).filteredOn(e -> e.to() == TIMED_OUT).hasSize(1);
        assertThat(List.of(execution("j1", "t1", 1).versionNumber())).containsExactly(3L);
    }

    private static UnaryOperator<dev.iotjobs.api.control.CreateJobRequest.Builder> abortAt(
            JobExecutionFailureType type, double percent, int minimum) {
        return b -> b.abortConfig(AbortConfig.builder().criteriaList(AbortCriteria.builder().failureType(type)
                .action(AbortAction.CANCEL).thresholdPercentage(percent).minNumberOfExecutedThings(minimum).build())
                .build());
    }

    @Test
    void t6_abortCriteriaCancelTheJobOnceTheFailureShareIsReached() {
        things("t1", "t2", "t3", "t4");
        job("j1", abortAt(JobExecutionFailureType.FAILED, 50.0, 2), "t1", "t2", "t3", "t4");
        startNext("t4");
        update("j1", "t1", FAILED);
        assertThat(describe("j1").status()).as("below the minimum of executed things").isEqualTo(JobStatus.IN_PROGRESS);
        update("j1", "t2", SUCCEEDED);
        var job = describe("j1");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(job.reasonCode()).isEqualTo("ABORTED_BY_CRITERIA");
        assertThat(job.comment()).contains("FAILED", "1 of 2", "50.0%");
        assertThat(job.forceCanceled()).isFalse();
        assertThat(execution("j1", "t3").status()).isEqualTo(JobExecutionStatus.CANCELED);
        assertThat(execution("j1", "t4").status()).as("like CancelJob(force=false)").isEqualTo(IN_PROGRESS);
    }

    @Test
    void t6_timeoutsCountUnderAll() {
        things("t1", "t2");
        job("j1", b -> abortAt(JobExecutionFailureType.ALL, 100.0, 1).apply(timeout(1).apply(b)), "t1", "t2");
        startNext("t1");
        clock.advance(Duration.ofMinutes(1));
        engine.runDueWork();
        assertThat(describe("j1").status()).isEqualTo(JobStatus.CANCELED);
        assertThat(execution("j1", "t2").status()).isEqualTo(JobExecutionStatus.CANCELED);
    }

    private static UnaryOperator<dev.iotjobs.api.control.CreateJobRequest.Builder> schedule(String start, String end,
                                                                                         JobEndBehavior behavior) {
        return b -> b.schedulingConfig(SchedulingConfig.builder().startTime(start).endTime(end).endBehavior(behavior)
                .build());
    }

    @Test
    void t8_aScheduledJobStartsAtItsStartTimeAndRollsOut() {
        things("t1");
        job("j1", schedule("2026-01-01T00:10", null, null), "t1");
        clock.advance(Duration.ofMinutes(9));
        engine.runDueWork();
        assertThat(describe("j1").status()).isEqualTo(JobStatus.SCHEDULED);
        clock.advance(Duration.ofMinutes(1));
        engine.runDueWork();
        assertThat(describe("j1").status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(startNext("t1").jobId()).isEqualTo("j1");
    }

    @Test
    void t8_endTimeCancelsOrForceCancelsOrJustStops() {
        things("t1", "t2");
        job("cancel", schedule("2025-12-31T00:00", "2026-01-01T01:00", JobEndBehavior.CANCEL), "t1", "t2");
        job("force", schedule("2025-12-31T00:00", "2026-01-01T01:00", JobEndBehavior.FORCE_CANCEL), "t1", "t2");
        job("stop", schedule("2025-12-31T00:00", "2026-01-01T01:00", JobEndBehavior.STOP_ROLLOUT), "t1", "t2");
        for (String jobId : List.of("cancel", "force", "stop")) {
            device().updateJobExecution(dev.iotjobs.api.data.UpdateJobExecutionRequest.builder().jobId(jobId)
                    .thingName("t1").status(IN_PROGRESS).build());
        }
        clock.advance(Duration.ofHours(1));
        engine.runDueWork();
        var canceled = describe("cancel");
        assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(canceled.reasonCode()).isEqualTo("SCHEDULED_END_TIME_REACHED");
        assertThat(execution("cancel", "t1").status()).isEqualTo(IN_PROGRESS);
        assertThat(execution("cancel", "t2").status()).isEqualTo(JobExecutionStatus.CANCELED);
        assertThat(describe("force").forceCanceled()).isTrue();
        assertThat(execution("force", "t1").status()).isEqualTo(JobExecutionStatus.CANCELED);
        assertThat(describe("stop").status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(execution("stop", "t2").status()).as("pending executions continue").isEqualTo(QUEUED);
    }
}
