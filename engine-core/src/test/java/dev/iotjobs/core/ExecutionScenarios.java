package dev.iotjobs.core;

import static dev.iotjobs.api.model.JobExecutionStatus.CANCELED;
import static dev.iotjobs.api.model.JobExecutionStatus.FAILED;
import static dev.iotjobs.api.model.JobExecutionStatus.IN_PROGRESS;
import static dev.iotjobs.api.model.JobExecutionStatus.QUEUED;
import static dev.iotjobs.api.model.JobExecutionStatus.REJECTED;
import static dev.iotjobs.api.model.JobExecutionStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.CancelJobExecutionRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.DeleteJobExecutionRequest;
import dev.iotjobs.api.control.DescribeJobExecutionRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobResponse;
import dev.iotjobs.api.control.ListJobExecutionsForThingRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsResponse;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.TerminalStateException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TimeoutConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Execution rules (SPEC X1-X18) on the store under test. */
public abstract class ExecutionScenarios extends EngineFixture {

    private UpdateJobExecutionRequest.Builder updating(String jobId, String thing, JobExecutionStatus status) {
        return UpdateJobExecutionRequest.builder().jobId(jobId).thingName(thing).status(status);
    }

    private dev.iotjobs.api.data.DescribeJobExecutionRequest.Builder reading(String jobId, String thing) {
        return dev.iotjobs.api.data.DescribeJobExecutionRequest.builder().jobId(jobId).thingName(thing);
    }

    @Test
    void x1_countersFollowEveryStatusChange() {
        things("t1", "t2", "t3", "t4");
        job("j1", "t1", "t2", "t3", "t4");
        startNext("t1");
        startNext("t2");
        update("j1", "t2", SUCCEEDED);
        update("j1", "t3", REJECTED);
        JobProcessDetails c = counters("j1");
        assertThat(c.numberOfQueuedThings()).isEqualTo(1);
        assertThat(c.numberOfInProgressThings()).isEqualTo(1);
        assertThat(c.numberOfSucceededThings()).isEqualTo(1);
        assertThat(c.numberOfRejectedThings()).isEqualTo(1);
        assertThat(c.numberOfFailedThings()).isZero();
        assertThat(c.processingTargets()).isEmpty();
    }

    @Test
    void x2_devicesCannotSetEngineStatuses() {
        things("t1");
        job("j1", "t1");
        for (JobExecutionStatus status : List.of(QUEUED, JobExecutionStatus.TIMED_OUT, JobExecutionStatus.REMOVED,
                CANCELED)) {
            assertThatThrownBy(() -> device().updateJobExecution(updating("j1", "t1", status).build()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("status");
        }
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(1L);
    }

    @Test
    void x3_queuedCanGoStraightToATerminalStatus() {
        things("t1", "t2", "t3");
        job("j1", "t1", "t2", "t3");
        update("j1", "t1", SUCCEEDED);
        update("j1", "t2", FAILED);
        update("j1", "t3", REJECTED);
        assertThat(execution("j1", "t1").status()).isEqualTo(SUCCEEDED);
        assertThat(execution("j1", "t2").status()).isEqualTo(FAILED);
        assertThat(execution("j1", "t3").status()).isEqualTo(REJECTED);
    }

    @Test
    void x3_terminalStaysTerminalAndTheErrorCarriesTheState() {
        things("t1");
        job("j1", "t1");
        startNext("t1");
        update("j1", "t1", SUCCEEDED);
        assertThatThrownBy(() -> update("j1", "t1", IN_PROGRESS))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class, e -> {
                    assertThat(e.executionState().status()).isEqualTo(SUCCEEDED);
                    assertThat(e.executionState().versionNumber()).isEqualTo(3L);
                });
        assertThat(execution("j1", "t1").status()).isEqualTo(SUCCEEDED);
    }

    @Test
    void x4_versionGrowsByOneWithEveryChangeIncludingEngineChanges() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(1L);
        startNext("t1");
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(2L);
        startNext("t1");
        assertThat(execution("j1", "t1").versionNumber()).as("StartNext on an IN_PROGRESS head changes nothing")
                .isEqualTo(2L);
        update("j1", "t1", IN_PROGRESS);
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(3L);
        control().cancelJob(CancelJobRequest.builder().jobId("j1").force(true).build());
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(4L);
        assertThat(execution("j1", "t2").versionNumber()).isEqualTo(2L);
    }

    @Test
    void x5_expectedVersionMustMatch() {
        things("t1");
        job("j1", "t1");
        startNext("t1");
        assertThatThrownBy(() -> device().updateJobExecution(updating("j1", "t1", SUCCEEDED).expectedVersion(1L)
                .build())).isInstanceOfSatisfying(VersionConflictException.class,
                        e -> assertThat(e.executionState().versionNumber()).isEqualTo(2L));
        assertThat(execution("j1", "t1").status()).isEqualTo(IN_PROGRESS);
        device().updateJobExecution(updating("j1", "t1", SUCCEEDED).expectedVersion(2L).build());
        assertThat(execution("j1", "t1").status()).isEqualTo(SUCCEEDED);
    }

    @Test
    void x6_executionNumberMustBeTheLatestForUpdatesAndSelectsForDescribe() {
        things("t1");
        job("j1", "t1");
        assertThatThrownBy(() -> device().updateJobExecution(updating("j1", "t1", IN_PROGRESS).executionNumber(2L)
                .build())).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("executionNumber");
        device().updateJobExecution(updating("j1", "t1", IN_PROGRESS).executionNumber(1L).build());
        assertThat(control().describeJobExecution(DescribeJobExecutionRequest.builder().jobId("j1").thingName("t1")
                .executionNumber(1L).build()).execution().status()).isEqualTo(IN_PROGRESS);
        assertThatThrownBy(() -> control().describeJobExecution(DescribeJobExecutionRequest.builder().jobId("j1")
                .thingName("t1").executionNumber(7L).build())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void x7_statusDetailsReplaceAsAWholeOrStayWhenAbsent() {
        things("t1");
        job("j1", "t1");
        device().updateJobExecution(updating("j1", "t1", IN_PROGRESS).statusDetails(Map.of("step", "1", "of", "3"))
                .build());
        device().updateJobExecution(updating("j1", "t1", IN_PROGRESS).statusDetails(Map.of("step", "2")).build());
        assertThat(execution("j1", "t1").statusDetails()).containsExactly(Map.entry("step", "2"));
        update("j1", "t1", SUCCEEDED);
        assertThat(execution("j1", "t1").statusDetails()).containsExactly(Map.entry("step", "2"));
    }

    @Test
    void x8_startedAtIsSetWhenFirstInProgressAndLastUpdatedAtOnEveryChange() {
        things("t1");
        job("j1", "t1");
        assertThat(execution("j1", "t1").startedAt()).isNull();
        clock.advance(Duration.ofSeconds(10));
        var started = clock.instant();
        startNext("t1");
        clock.advance(Duration.ofSeconds(10));
        update("j1", "t1", IN_PROGRESS);
        JobExecution execution = execution("j1", "t1");
        assertThat(execution.startedAt()).isEqualTo(started);
        assertThat(execution.lastUpdatedAt()).isEqualTo(clock.instant());
    }

    @Test
    void x9_stepTimerStartsOnUpdateAndMinusOneRemovesIt() {
        things("t1");
        job("j1", "t1");
        device().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder().thingName("t1")
                .stepTimeoutInMinutes(5L).build());
        assertThat(execution("j1", "t1").approximateSecondsBeforeTimedOut()).isEqualTo(300L);
        clock.advance(Duration.ofSeconds(100));
        assertThat(execution("j1", "t1").approximateSecondsBeforeTimedOut()).isEqualTo(200L);
        device().updateJobExecution(updating("j1", "t1", IN_PROGRESS).stepTimeoutInMinutes(10L).build());
        assertThat(execution("j1", "t1").approximateSecondsBeforeTimedOut()).isEqualTo(600L);
        device().updateJobExecution(updating("j1", "t1", IN_PROGRESS).build());
        assertThat(execution("j1", "t1").approximateSecondsBeforeTimedOut()).isEqualTo(600L);
        device().updateJobExecution(updating("j1", "t1", IN_PROGRESS).stepTimeoutInMinutes(-1L).build());
        assertThat(execution("j1", "t1").approximateSecondsBeforeTimedOut()).isNull();
    }

    @Test
    void x9_effectiveDeadlineIsTheEarlierOfStepAndInProgressTimers() {
        things("t1");
        job("j1", b -> b.timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(3L).build()), "t1");
        device().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder().thingName("t1")
                .stepTimeoutInMinutes(5L).build());
        assertThat(execution("j1", "t1").approximateSecondsBeforeTimedOut()).isEqualTo(180L);
    }

    @Test
    void x10_updateReturnsStateAndDocumentOnlyWhenAsked() {
        things("t1");
        job("j1", "t1");
        UpdateJobExecutionResponse bare = device().updateJobExecution(updating("j1", "t1", IN_PROGRESS).build());
        assertThat(bare.executionState()).isNull();
        assertThat(bare.jobDocument()).isNull();
        UpdateJobExecutionResponse full = device().updateJobExecution(updating("j1", "t1", IN_PROGRESS)
                .statusDetails(Map.of("p", "50")).includeJobExecutionState(true).includeJobDocument(true).build());
        assertThat(full.executionState().status()).isEqualTo(IN_PROGRESS);
        assertThat(full.executionState().statusDetails()).containsEntry("p", "50");
        assertThat(full.executionState().versionNumber()).isEqualTo(3L);
        assertThat(full.jobDocument()).isEqualTo(DOC);
    }

    @Test
    void x11_queueIsInProgressFirstThenQueuedByQueuedAtThenJobId() {
        things("t1");
        job("b", "t1");
        job("a", "t1");
        clock.advance(Duration.ofSeconds(1));
        job("c", "t1");
        update("c", "t1", IN_PROGRESS);
        GetPendingJobExecutionsResponse pending = device().getPendingJobExecutions(
                GetPendingJobExecutionsRequest.builder().thingName("t1").build());
        assertThat(pending.inProgressJobs()).extracting(JobExecutionSummary::jobId).containsExactly("c");
        assertThat(pending.queuedJobs()).extracting(JobExecutionSummary::jobId).containsExactly("a", "b");
        assertThat(startNext("t1").jobId()).isEqualTo("c");
    }

    @Test
    void x11_executionsOfScheduledJobsAreNotInTheQueue() {
        things("t1");
        job("later", b -> b.schedulingConfig(dev.iotjobs.api.model.SchedulingConfig.builder()
                .startTime("2026-06-01T00:00").build()), "t1");
        assertThat(device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder().thingName("t1").build())
                .queuedJobs()).isEmpty();
    }

    @Test
    void x12_pendingListsAreCappedAtTenAndEmptyWhenNothingIsPending() {
        things("t1");
        for (int i = 0; i < 12; i++) {
            job("j" + i, "t1");
            clock.advance(Duration.ofMillis(1));
        }
        var pending = device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder().thingName("t1")
                .build());
        assertThat(pending.queuedJobs()).hasSize(10);
        JobExecutionSummary first = pending.queuedJobs().get(0);
        assertThat(first.jobId()).isEqualTo("j0");
        assertThat(first.versionNumber()).isEqualTo(1L);
        assertThat(first.executionNumber()).isEqualTo(1L);
        assertThat(first.queuedAt()).isNotNull();
        things("idle");
        var none = device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder().thingName("idle")
                .build());
        assertThat(none.inProgressJobs()).isEmpty();
        assertThat(none.queuedJobs()).isEmpty();
        assertThatThrownBy(() -> device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder()
                .thingName("ghost").build())).isInstanceOf(ResourceNotFoundException.class);
    }

    /** Issue #8: both planes agree on an unknown thing, as AWS models both calls (ResourceNotFoundException). */
    @Test
    void x12_x17_anUnknownThingIsNotFoundOnBothPlanesAndAKnownIdleOneIsEmpty() {
        things("idle");
        assertThatThrownBy(() -> device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder()
                .thingName("ghost").build())).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("thingName: thing ghost does not exist");
        assertThatThrownBy(() -> control().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder()
                .thingName("ghost").build())).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("thingName: thing ghost does not exist");
        assertThat(control().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder().thingName("idle")
                .build()).executionSummaries()).isEmpty();
    }

    @Test
    void x13_startNextStartsTheHeadWithDetailsAndReturnsTheDocument() {
        things("t1");
        job("j1", "t1");
        JobExecution started = device().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t1").statusDetails(Map.of("phase", "download")).build()).execution();
        assertThat(started.status()).isEqualTo(IN_PROGRESS);
        assertThat(started.startedAt()).isEqualTo(clock.instant());
        assertThat(started.statusDetails()).containsEntry("phase", "download");
        assertThat(started.versionNumber()).isEqualTo(2L);
        assertThat(started.jobDocument()).isEqualTo(DOC);
        assertThat(started.thingArn()).isEqualTo(thingArn("t1"));
        JobExecution again = startNext("t1");
        assertThat(again.versionNumber()).isEqualTo(2L);
        assertThat(again.statusDetails()).containsEntry("phase", "download");
        update("j1", "t1", SUCCEEDED);
        assertThat(startNext("t1")).isNull();
    }

    @Test
    void x14_describeNextReturnsTheHeadWithoutChangingIt() {
        things("t1");
        job("j1", "t1");
        JobExecution head = device().describeJobExecution(reading("$next", "t1").build()).execution();
        assertThat(head.jobId()).isEqualTo("j1");
        assertThat(head.status()).isEqualTo(QUEUED);
        assertThat(head.jobDocument()).as("includeJobDocument defaults to true").isEqualTo(DOC);
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(1L);
        assertThat(device().describeJobExecution(reading("j1", "t1").includeJobDocument(false).build()).execution()
                .jobDocument()).isNull();
        update("j1", "t1", SUCCEEDED);
        assertThat(device().describeJobExecution(reading("$next", "t1").build()).execution()).isNull();
    }

    @Test
    void x14_deviceReadingATerminalExecutionGetsTerminalStateButTheControlPlaneSeesIt() {
        things("t1");
        job("j1", "t1");
        update("j1", "t1", FAILED);
        assertThatThrownBy(() -> device().describeJobExecution(reading("j1", "t1").build()))
                .isInstanceOf(TerminalStateException.class);
        assertThat(execution("j1", "t1").status()).isEqualTo(FAILED);
    }

    @Test
    void x15_cancelExecutionQueuedNeedsNoForceInProgressDoes() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        startNext("t2");
        control().cancelJobExecution(CancelJobExecutionRequest.builder().jobId("j1").thingName("t1").build());
        assertThat(execution("j1", "t1").status()).isEqualTo(CANCELED);
        assertThat(execution("j1", "t1").forceCanceled()).isFalse();
        assertThatThrownBy(() -> control().cancelJobExecution(CancelJobExecutionRequest.builder().jobId("j1")
                .thingName("t2").build())).isInstanceOf(InvalidStateTransitionException.class);
        assertThatThrownBy(() -> control().cancelJobExecution(CancelJobExecutionRequest.builder().jobId("j1")
                .thingName("t2").force(true).expectedVersion(1L).build()))
                .isInstanceOf(VersionConflictException.class);
        control().cancelJobExecution(CancelJobExecutionRequest.builder().jobId("j1").thingName("t2").force(true)
                .expectedVersion(2L).statusDetails(Map.of("why", "recalled")).build());
        JobExecution canceled = execution("j1", "t2");
        assertThat(canceled.status()).isEqualTo(CANCELED);
        assertThat(canceled.forceCanceled()).isTrue();
        assertThat(canceled.statusDetails()).containsEntry("why", "recalled");
        assertThatThrownBy(() -> control().cancelJobExecution(CancelJobExecutionRequest.builder().jobId("j1")
                .thingName("t2").force(true).build())).isInstanceOf(InvalidStateTransitionException.class);
        assertThat(describe("j1").status()).as("J8: the last pending execution ended").isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void x16_deleteExecutionNeedsForceWhileInProgressAndMayCompleteTheJob() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        update("j1", "t1", SUCCEEDED);
        startNext("t2");
        DeleteJobExecutionRequest.Builder delete = DeleteJobExecutionRequest.builder().jobId("j1").thingName("t2")
                .executionNumber(1L);
        assertThatThrownBy(() -> control().deleteJobExecution(delete.build()))
                .isInstanceOf(InvalidStateTransitionException.class);
        control().deleteJobExecution(delete.force(true).build());
        assertThatThrownBy(() -> execution("j1", "t2")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(counters("j1").numberOfInProgressThings()).isZero();
        assertThat(describe("j1").status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void x17_listExecutionsForJobPagesByThingName() {
        things("c", "a", "b");
        job("j1", "c", "a", "b");
        update("j1", "b", SUCCEEDED);
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            ListJobExecutionsForJobResponse page = control().listJobExecutionsForJob(ListJobExecutionsForJobRequest
                    .builder().jobId("j1").maxResults(2).nextToken(token).build());
            page.executionSummaries().forEach(s -> arns.add(s.thingArn()));
            token = page.nextToken();
        } while (token != null);
        assertThat(arns).containsExactly(thingArn("a"), thingArn("b"), thingArn("c"));
        var succeeded = control().listJobExecutionsForJob(ListJobExecutionsForJobRequest.builder().jobId("j1")
                .status(SUCCEEDED).build()).executionSummaries();
        assertThat(succeeded).hasSize(1);
        assertThat(succeeded.get(0).jobExecutionSummary().status()).isEqualTo(SUCCEEDED);
        assertThat(succeeded.get(0).jobExecutionSummary().retryAttempt()).isZero();
    }

    @Test
    void x17_listExecutionsForThingOrdersByQueuedAtAndFilters() {
        things("t1");
        job("j2", "t1");
        clock.advance(Duration.ofSeconds(1));
        job("j1", "t1");
        update("j1", "t1", FAILED);
        var all = control().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder().thingName("t1")
                .build()).executionSummaries();
        assertThat(all).extracting(s -> s.jobId()).containsExactly("j2", "j1");
        var failed = control().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder().thingName("t1")
                .status(FAILED).build()).executionSummaries();
        assertThat(failed).extracting(s -> s.jobId()).containsExactly("j1");
        var ofJob = control().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder().thingName("t1")
                .jobId("j2").maxResults(1).build());
        assertThat(ofJob.executionSummaries()).extracting(s -> s.jobId()).containsExactly("j2");
        assertThat(ofJob.nextToken()).isNull();
    }

    @Test
    void x18_executionOfCanceledJobMayOnlyFinishWhileInProgress() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        startNext("t1");
        control().cancelJob(CancelJobRequest.builder().jobId("j1").build());
        update("j1", "t1", SUCCEEDED);
        assertThat(execution("j1", "t1").status()).isEqualTo(SUCCEEDED);
        assertThatThrownBy(() -> update("j1", "t2", IN_PROGRESS)).isInstanceOf(InvalidStateTransitionException.class);
    }
}
