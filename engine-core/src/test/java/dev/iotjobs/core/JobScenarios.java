package dev.iotjobs.core;

import static dev.iotjobs.api.model.JobExecutionStatus.IN_PROGRESS;
import static dev.iotjobs.api.model.JobExecutionStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.GetJobDocumentRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.control.ListJobsResponse;
import dev.iotjobs.api.control.UpdateJobRequest;
import dev.iotjobs.api.data.DescribeJobExecutionRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.LimitExceededException;
import dev.iotjobs.api.error.ResourceAlreadyExistsException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.event.JobCreated;
import dev.iotjobs.api.event.JobDeleted;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.event.JobExecutionDeleted;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.AbortCriteria;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecutionFailureType;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.JobSummary;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.rules.Counters;
import dev.iotjobs.core.rules.Views;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job rules (SPEC J1-J13, V2, E1, E3) on the store under test. */
public abstract class JobScenarios extends EngineFixture {

    @Test
    void j1_duplicateJobIdIsRejectedWithIdAndArn() {
        things("t1");
        job("j1", "t1");
        assertThatThrownBy(() -> job("j1", "t1"))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.resourceId()).isEqualTo("j1");
                    assertThat(e.resourceArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:job/j1");
                });
    }

    @Test
    void j1_idOfJobInDeletionIsTakenUntilDeletionFinishes() {
        things("t1");
        job("j1", "t1");
        control().deleteJob(DeleteJobRequest.builder().jobId("j1").force(true).build());
        assertThatThrownBy(() -> job("j1", "t1")).isInstanceOf(ResourceAlreadyExistsException.class);
        engine.runDueWork();
        job("j1", "t1");
        assertThat(describe("j1").status()).isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void j2_newJobIsInProgressSnapshotWithArnAndTimes() {
        things("t1");
        job("j1", "t1");
        Job job = describe("j1");
        assertThat(job.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.targetSelection()).isEqualTo(TargetSelection.SNAPSHOT);
        assertThat(job.jobArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:job/j1");
        assertThat(job.createdAt()).isEqualTo(clock.instant());
        assertThat(job.lastUpdatedAt()).isEqualTo(clock.instant());
        assertThat(job.completedAt()).isNull();
        assertThat(job.forceCanceled()).isFalse();
    }

    @Test
    void j2_jobWithFutureStartTimeIsScheduledAndRollsOutNothing() {
        things("t1");
        job("j1", b -> b.schedulingConfig(SchedulingConfig.builder().startTime("2026-01-01T01:00").build()), "t1");
        assertThat(describe("j1").status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(counters("j1").numberOfQueuedThings()).isZero();
        assertThat(startNext("t1")).isNull();
    }

    @Test
    void j3_groupsExpandOverNestedGroupsAndThingsGetOneExecutionEach() {
        things("a", "b", "c", "d");
        group("fleet", null, "a");
        group("eu", "fleet", "b", "a");
        group("de", "eu", "c");
        control().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                .targets(groupArn("fleet"), thingArn("a"), thingArn("d")).build());
        List<String> things = control().listJobExecutionsForJob(ListJobExecutionsForJobRequest.builder()
                .jobId("j1").build()).executionSummaries().stream()
                .map(s -> s.thingArn().substring(s.thingArn().lastIndexOf('/') + 1)).toList();
        assertThat(things).containsExactly("a", "b", "c", "d");
        assertThat(counters("j1").numberOfQueuedThings()).isEqualTo(4);
        var execution = execution("j1", "c");
        assertThat(execution.status()).isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(execution.executionNumber()).isEqualTo(1L);
        assertThat(execution.versionNumber()).isEqualTo(1L);
        assertThat(execution.queuedAt()).isEqualTo(clock.instant());
    }

    @Test
    void j4_describeEchoesEveryConfigurationAsGiven() {
        things("t1");
        var timeout = TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build();
        var retry = JobExecutionsRetryConfig.builder().criteriaList(
                RetryCriteria.builder().failureType(RetryableFailureType.FAILED).numberOfRetries(2).build()).build();
        var abort = AbortConfig.builder().criteriaList(AbortCriteria.builder()
                .failureType(JobExecutionFailureType.FAILED).action("CANCEL").thresholdPercentage(50.0)
                .minNumberOfExecutedThings(10).build()).build();
        var presigned = PresignedUrlConfig.builder().roleArn("arn:aws:iam::123456789012:role/r")
                .expiresInSec(600L).build();
        job("j1", b -> b.description("firmware 2").timeoutConfig(timeout).jobExecutionsRetryConfig(retry)
                .abortConfig(abort).presignedUrlConfig(presigned), "t1");
        Job job = describe("j1");
        assertThat(job.description()).isEqualTo("firmware 2");
        assertThat(job.timeoutConfig()).isEqualTo(timeout);
        assertThat(job.jobExecutionsRetryConfig()).isEqualTo(retry);
        assertThat(job.abortConfig()).isEqualTo(abort);
        assertThat(job.presignedUrlConfig()).isEqualTo(presigned);
        assertThat(job.documentParameters()).isEmpty();   // only with a managed template (SPEC J15)
        assertThat(job.targets()).containsExactly(thingArn("t1"));
        assertThat(job.jobProcessDetails().numberOfQueuedThings()).isEqualTo(1);
    }

    @Test
    void j4_unknownJobIsNotFound() {
        assertThatThrownBy(() -> describe("nope")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void j5_listJobsPagesInCreationOrderWithoutSkipsOrRepeats() {
        things("t1");
        for (int i = 0; i < 7; i++) {
            job("job" + i, "t1");
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListJobsResponse page = control().listJobs(ListJobsRequest.builder().maxResults(3).nextToken(token).build());
            page.jobs().forEach(j -> seen.add(j.jobId()));
            token = page.nextToken();
            pages++;
            if (pages == 1) {
                // A job created and one deleted while paging: neither skips nor repeats the others.
                job("late", "t1");
                control().deleteJob(DeleteJobRequest.builder().jobId("job0").force(true).build());
                engine.runDueWork();
            }
        } while (token != null);
        assertThat(seen).containsSubsequence("job0", "job1", "job2", "job3", "job4", "job5", "job6", "late");
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void j5_listJobsFiltersByStatusSelectionAndGroup() {
        things("t1");
        group("g", null, "t1");
        job("plain", "t1");
        control().createJob(CreateJobRequest.builder().jobId("grouped").document(DOC).targets(groupArn("g"))
                .targetSelection(TargetSelection.CONTINUOUS).build());
        control().cancelJob(CancelJobRequest.builder().jobId("plain").build());
        assertThat(ids(ListJobsRequest.builder().status(JobStatus.CANCELED).build())).containsExactly("plain");
        assertThat(ids(ListJobsRequest.builder().targetSelection(TargetSelection.CONTINUOUS).build()))
                .containsExactly("grouped");
        assertThat(ids(ListJobsRequest.builder().thingGroupName("g").build())).containsExactly("grouped");
        assertThat(ids(ListJobsRequest.builder().thingGroupName("other").build())).isEmpty();
    }

    @Test
    void j5_malformedTokenIsInvalidRequest() {
        assertThatThrownBy(() -> control().listJobs(ListJobsRequest.builder().nextToken("garbage!").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("nextToken");
    }

    private List<String> ids(ListJobsRequest request) {
        return control().listJobs(request).jobs().stream().map(JobSummary::jobId).toList();
    }

    @Test
    void j6_getJobDocumentReturnsTheDocumentAsStored() {
        things("t1");
        // Presigned-URL placeholders need a signer (SPEC J16, see DocumentScenarios); parameter ones are kept as text.
        String document = "{\"version\":\"${aws:iot:parameter:version}\"}";
        job("j1", b -> b.document(document), "t1");
        assertThat(control().getJobDocument(GetJobDocumentRequest.builder().jobId("j1").build()).document())
                .isEqualTo(document);
    }

    @Test
    void j6_updateJobChangesConfigurationAndLastUpdatedAt() {
        things("t1");
        job("j1", b -> b.jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                RetryCriteria.builder().failureType(RetryableFailureType.ALL).numberOfRetries(3).build()).build()),
                "t1");
        clock.advance(Duration.ofMinutes(1));
        control().updateJob(UpdateJobRequest.builder().jobId("j1").description("new")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(5L).build())
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.FAILED).numberOfRetries(1).build()).build())
                .build());
        Job job = describe("j1");
        assertThat(job.description()).isEqualTo("new");
        assertThat(job.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(5L);
        assertThat(job.lastUpdatedAt()).isEqualTo(clock.instant());
    }

    @Test
    void j6_retriesCanOnlyBeLowered() {
        things("t1");
        job("j1", b -> b.jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                RetryCriteria.builder().failureType(RetryableFailureType.FAILED).numberOfRetries(1).build()).build()),
                "t1");
        assertThatThrownBy(() -> control().updateJob(UpdateJobRequest.builder().jobId("j1")
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.FAILED).numberOfRetries(2).build()).build()).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lowered");
    }

    @Test
    void j6_onlyInProgressOrScheduledJobsCanBeUpdated() {
        things("t1");
        job("j1", "t1");
        control().cancelJob(CancelJobRequest.builder().jobId("j1").build());
        assertThatThrownBy(() -> control().updateJob(UpdateJobRequest.builder().jobId("j1").description("x").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("CANCELED");
    }

    @Test
    void j6_newTimeoutAppliesOnlyToExecutionsStartedAfterwards() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        startNext("t1");
        control().updateJob(UpdateJobRequest.builder().jobId("j1")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(10L).build()).build());
        startNext("t2");
        assertThat(execution("j1", "t1").approximateSecondsBeforeTimedOut()).isNull();
        assertThat(execution("j1", "t2").approximateSecondsBeforeTimedOut()).isEqualTo(600L);
    }

    @Test
    void j7_cancelCancelsQueuedExecutionsAndLetsInProgressOnesFinish() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        startNext("t1");
        clock.advance(Duration.ofSeconds(5));
        control().cancelJob(CancelJobRequest.builder().jobId("j1").reasonCode("OOPS").comment("bad build").build());
        Job job = describe("j1");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(job.forceCanceled()).isFalse();
        assertThat(job.reasonCode()).isEqualTo("OOPS");
        assertThat(job.comment()).isEqualTo("bad build");
        assertThat(job.lastUpdatedAt()).isEqualTo(clock.instant());
        assertThat(execution("j1", "t2").status()).isEqualTo(JobExecutionStatus.CANCELED);
        assertThat(execution("j1", "t1").status()).isEqualTo(IN_PROGRESS);
        update("j1", "t1", SUCCEEDED);
        assertThat(counters("j1").numberOfSucceededThings()).isEqualTo(1);
        assertThat(describe("j1").status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void j7_forceCancelCancelsInProgressExecutionsToo() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        startNext("t1");
        control().cancelJob(CancelJobRequest.builder().jobId("j1").force(true).build());
        assertThat(describe("j1").forceCanceled()).isTrue();
        assertThat(execution("j1", "t1").status()).isEqualTo(JobExecutionStatus.CANCELED);
        assertThat(execution("j1", "t1").forceCanceled()).isTrue();
        assertThat(counters("j1").numberOfCanceledThings()).isEqualTo(2);
    }

    @Test
    void j7_cancelingACanceledJobAgainWithForceCancelsTheRest() {
        things("t1");
        job("j1", "t1");
        startNext("t1");
        control().cancelJob(CancelJobRequest.builder().jobId("j1").build());
        control().cancelJob(CancelJobRequest.builder().jobId("j1").build());
        assertThat(execution("j1", "t1").status()).isEqualTo(IN_PROGRESS);
        control().cancelJob(CancelJobRequest.builder().jobId("j1").force(true).build());
        assertThat(describe("j1").forceCanceled()).isTrue();
        assertThat(execution("j1", "t1").status()).isEqualTo(JobExecutionStatus.CANCELED);
    }

    @Test
    void j7_completedOrDeletingJobsCannotBeCanceled() {
        things("t1", "t2");
        job("done", "t1");
        startNext("t1");
        update("done", "t1", SUCCEEDED);
        assertThatThrownBy(() -> control().cancelJob(CancelJobRequest.builder().jobId("done").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("COMPLETED");
        job("gone", "t2");
        control().deleteJob(DeleteJobRequest.builder().jobId("gone").force(true).build());
        assertThatThrownBy(() -> control().cancelJob(CancelJobRequest.builder().jobId("gone").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("DELETION_IN_PROGRESS");
    }

    @Test
    void j8_snapshotJobCompletesWhenItsLastExecutionEnds() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        startNext("t1");
        update("j1", "t1", SUCCEEDED);
        assertThat(describe("j1").status()).isEqualTo(JobStatus.IN_PROGRESS);
        clock.advance(Duration.ofSeconds(3));
        update("j1", "t2", JobExecutionStatus.FAILED);
        Job job = describe("j1");
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.completedAt()).isEqualTo(clock.instant());
    }

    @Test
    void j8_snapshotJobOverEmptyGroupCompletesAtOnceButContinuousStays() {
        group("empty", null);
        control().createJob(CreateJobRequest.builder().jobId("snap").document(DOC).targets(groupArn("empty")).build());
        control().createJob(CreateJobRequest.builder().jobId("cont").document(DOC).targets(groupArn("empty"))
                .targetSelection(TargetSelection.CONTINUOUS).build());
        assertThat(describe("snap").status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(describe("cont").status()).isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void j8_continuousJobDoesNotCompleteWhenItsExecutionsEnd() {
        things("t1");
        group("g", null, "t1");
        control().createJob(CreateJobRequest.builder().jobId("cont").document(DOC).targets(groupArn("g"))
                .targetSelection(TargetSelection.CONTINUOUS).build());
        startNext("t1");
        update("cont", "t1", SUCCEEDED);
        assertThat(describe("cont").status()).isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void j9_jobCompletesExactlyOnceWithOneEvent() {
        things("t1", "t2", "t3");
        job("j1", "t1", "t2", "t3");
        for (String t : List.of("t1", "t2", "t3")) {
            startNext(t);
            update("j1", t, SUCCEEDED);
        }
        assertThat(eventsOf(JobStatusChanged.class))
                .filteredOn(e -> e.to() == JobStatus.COMPLETED).hasSize(1);
    }

    @Test
    void j10_deleteNeedsForceForInProgressJobs() {
        things("t1");
        job("j1", "t1");
        assertThatThrownBy(() -> control().deleteJob(DeleteJobRequest.builder().jobId("j1").build()))
                .isInstanceOf(InvalidStateTransitionException.class);
        assertThat(describe("j1").status()).isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void j10_deletedJobIsDeletionInProgressThenGoneAfterDueWork() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        control().cancelJob(CancelJobRequest.builder().jobId("j1").build());
        control().deleteJob(DeleteJobRequest.builder().jobId("j1").build());
        assertThat(describe("j1").status()).isEqualTo(JobStatus.DELETION_IN_PROGRESS);
        assertThat(ids(ListJobsRequest.builder().status(JobStatus.DELETION_IN_PROGRESS).build())).containsExactly("j1");
        engine.runDueWork();
        assertThatThrownBy(() -> describe("j1")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(eventsOf(JobExecutionDeleted.class)).hasSize(2);
        assertThat(eventsOf(JobDeleted.class)).extracting(JobDeleted::jobId).containsExactly("j1");
    }

    @Test
    void j10_cascadeOfManyExecutionsFinishesInOneDueWorkCall() {
        String[] names = new String[1200];
        for (int i = 0; i < names.length; i++) {
            names[i] = String.format("thing-%04d", i);
        }
        things(names);
        group("all", null, names);
        control().createJob(CreateJobRequest.builder().jobId("big").document(DOC).targets(groupArn("all")).build());
        engine.runDueWork();   // SPEC C4: the group's members past the first batch
        assertThat(counters("big").numberOfQueuedThings()).isEqualTo(1200);
        control().deleteJob(DeleteJobRequest.builder().jobId("big").force(true).build());
        assertThat(engine.runDueWork()).isGreaterThan(2);
        assertThatThrownBy(() -> describe("big")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void j11_executionsOfDeletingJobAreInvisibleToDevices() {
        things("t1");
        job("j1", "t1");
        startNext("t1");
        control().deleteJob(DeleteJobRequest.builder().jobId("j1").force(true).build());
        assertThat(startNext("t1")).isNull();
        assertThat(device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder().thingName("t1").build())
                .inProgressJobs()).isEmpty();
        assertThatThrownBy(() -> device().describeJobExecution(DescribeJobExecutionRequest.builder().jobId("j1")
                .thingName("t1").build())).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> update("j1", "t1", SUCCEEDED)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> control().deleteJob(DeleteJobRequest.builder().jobId("j1").force(true).build()))
                .isInstanceOf(InvalidStateTransitionException.class);
    }

    @Test
    void j12_atMostTenJobsInDeletion() {
        things("t1");
        for (int i = 0; i < 11; i++) {
            job("j" + i, "t1");
        }
        for (int i = 0; i < 10; i++) {
            control().deleteJob(DeleteJobRequest.builder().jobId("j" + i).force(true).build());
        }
        assertThatThrownBy(() -> control().deleteJob(DeleteJobRequest.builder().jobId("j10").force(true).build()))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("at most 10 jobs may be DELETION_IN_PROGRESS at once")
                .hasMessageContaining("due work finishes deletions");
        assertThat(describe("j10").status()).isEqualTo(JobStatus.IN_PROGRESS);
        engine.runDueWork();
        control().deleteJob(DeleteJobRequest.builder().jobId("j10").force(true).build());
    }

    @Test
    void j13_deletedExecutionsLeaveTheCounters() {
        things("t1", "t2", "t3");
        job("j1", "t1", "t2", "t3");
        startNext("t1");
        update("j1", "t1", SUCCEEDED);
        control().deleteJobExecution(dev.iotjobs.api.control.DeleteJobExecutionRequest.builder().jobId("j1")
                .thingName("t1").executionNumber(1L).build());
        JobProcessDetails counters = counters("j1");
        assertThat(counters.numberOfSucceededThings()).isZero();
        assertThat(counters.numberOfQueuedThings()).isEqualTo(2);
    }

    @Test
    void v2_rejectedRequestChangesNothingAndEmitsNothing() {
        things("t1");
        job("j1", "t1");
        int before = events.size();
        var execution = execution("j1", "t1");
        assertThatThrownBy(() -> device().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1")
                .thingName("t1").status(SUCCEEDED).statusDetails(Map.of("bad key!", "v")).build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(execution("j1", "t1")).isEqualTo(execution);
        assertThat(events).hasSize(before);
    }

    @Test
    void e1_everyChangeEmitsItsEvents() {
        things("t1");
        job("j1", "t1");
        startNext("t1");
        update("j1", "t1", SUCCEEDED);
        List<JobEvent> all;
        synchronized (events) {
            all = List.copyOf(events);
        }
        assertThat(all).hasExactlyElementsOfTypes(JobCreated.class, JobExecutionCreated.class,
                JobExecutionStatusChanged.class, JobExecutionStatusChanged.class, JobStatusChanged.class);
        var started = (JobExecutionStatusChanged) all.get(2);
        assertThat(started.from()).isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(started.to()).isEqualTo(IN_PROGRESS);
        assertThat(started.versionNumber()).isEqualTo(2L);
    }

    @Test
    void e3_countersAreTheFoldOfExecutionEvents() {
        things("t1", "t2", "t3", "t4");
        job("j1", "t1", "t2", "t3", "t4");
        startNext("t1");
        update("j1", "t1", SUCCEEDED);
        startNext("t2");
        update("j1", "t3", JobExecutionStatus.REJECTED);
        control().deleteJobExecution(dev.iotjobs.api.control.DeleteJobExecutionRequest.builder().jobId("j1")
                .thingName("t3").executionNumber(1L).build());
        List<JobEvent> ofJob;
        synchronized (events) {
            ofJob = events.stream().filter(e -> e.jobId().equals("j1")).toList();
        }
        assertThat(Views.processDetails(Counters.fold(ofJob), List.of())).isEqualTo(counters("j1"));
    }

    @Test
    void j2_describeOfScheduledJobShowsSchedulingConfig() {
        things("t1");
        var scheduling = SchedulingConfig.builder().startTime("2026-02-01T00:00").build();
        job("j1", b -> b.schedulingConfig(scheduling), "t1");
        assertThat(control().describeJob(DescribeJobRequest.builder().jobId("j1").build()).job().schedulingConfig())
                .isEqualTo(scheduling);
    }
}
