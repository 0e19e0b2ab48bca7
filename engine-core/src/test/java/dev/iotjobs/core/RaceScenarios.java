package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DeleteThingGroupRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.control.ListThingsInThingGroupRequest;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.event.JobCreated;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Races between one operation's reads and its commit, replayed deterministically: another operation commits in
 * between, and the first must notice (stale state), decide again and end as if the two had run one after the other.
 */
public abstract class RaceScenarios extends EngineFixture {

    @Test
    void g4_aJobCreatedWhileTheThingIsDeletedIsRemovedNotLeftQueued() {
        things("t1");
        repository.beforeNextCommit(() -> job("j1", "t1"));
        registry().deleteThing(DeleteThingRequest.builder().thingName("t1").build());
        assertThat(execution("j1", "t1").status()).isEqualTo(JobExecutionStatus.REMOVED);
        assertThat(describe("j1").status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void j11_aDeviceUpdateRacingAJobDeletionIsNotFound() {
        things("t1");
        job("j1", "t1");
        startNext("t1");
        repository.beforeNextCommit(() -> control().deleteJob(DeleteJobRequest.builder().jobId("j1").force(true)
                .build()));
        assertThatThrownBy(() -> update("j1", "t1", JobExecutionStatus.SUCCEEDED))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(execution("j1", "t1").status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
    }

    @Test
    void j11_aStartNextRacingAJobDeletionStartsNothing() {
        things("t1");
        job("j1", "t1");
        repository.beforeNextCommit(() -> control().deleteJob(DeleteJobRequest.builder().jobId("j1").force(true)
                .build()));
        assertThat(startNext("t1")).isNull();
        assertThat(execution("j1", "t1").status()).isEqualTo(JobExecutionStatus.QUEUED);
    }

    @Test
    void g1_aChildGroupCreatedWhileItsParentIsDeletedIsRejected() {
        group("parent", null);
        repository.beforeNextCommit(() -> registry().deleteThingGroup(DeleteThingGroupRequest.builder()
                .thingGroupName("parent").build()));
        assertThatThrownBy(() -> registry().createThingGroup(CreateThingGroupRequest.builder()
                .thingGroupName("child").parentGroupName("parent").build()))
                .isInstanceOf(ResourceNotFoundException.class);
        group("parent", null);
        assertThat(registry().listThingsInThingGroup(ListThingsInThingGroupRequest.builder()
                .thingGroupName("parent").recursive(true).build()).things()).isEmpty();
    }

    private void join(String group, String thing) {
        registry().addThingToThingGroup(dev.iotjobs.api.control.AddThingToThingGroupRequest.builder()
                .thingGroupName(group).thingName(thing).build());
    }

    private void leave(String group, String thing) {
        registry().removeThingFromThingGroup(dev.iotjobs.api.control.RemoveThingFromThingGroupRequest.builder()
                .thingGroupName(group).thingName(thing).build());
    }

    private void continuous(String jobId, String group) {
        control().createJob(CreateJobRequest.builder().jobId(jobId).document(DOC)
                .targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS).targets(groupArn(group)).build());
    }

    private int executionsOf(String jobId, String thing) {
        return control().listJobExecutionsForThing(dev.iotjobs.api.control.ListJobExecutionsForThingRequest
                .builder().thingName(thing).jobId(jobId).build()).executionSummaries().size();
    }

    @Test
    void g2_aJoinCommittedBetweenAContinuousJobsExpansionAndItsCommitIsNotLost() {
        things("a");
        group("g", null);
        repository.beforeNextCommit(() -> join("g", "a"));   // the join sees no job yet
        continuous("c", "g");                                // its expansion saw no member yet
        assertThat(execution("c", "a").status()).isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(counters("c").numberOfQueuedThings()).isEqualTo(1);
    }

    @Test
    void g2_aContinuousJobCommittedBetweenAJoinsReadsAndItsCommitIsNotLost() {
        things("a");
        group("g", null);
        repository.beforeNextCommit(() -> continuous("c", "g"));
        join("g", "a");
        assertThat(executionsOf("c", "a")).isEqualTo(1);
        assertThat(counters("c").numberOfQueuedThings()).isEqualTo(1);
    }

    @Test
    void g2_aChildGroupCreatedAndJoinedDuringAContinuousJobsExpansionIsReached() {
        things("a");
        group("g", null);
        repository.beforeNextCommit(() -> {
            group("child", "g");
            join("child", "a");
        });
        continuous("c", "g");
        assertThat(execution("c", "a").status()).isEqualTo(JobExecutionStatus.QUEUED);
    }

    @Test
    void g2_aJoinRacingACancelQueuesNothing() {
        things("a");
        group("g", null);
        continuous("c", "g");
        repository.beforeNextCommit(() -> control().cancelJob(dev.iotjobs.api.control.CancelJobRequest.builder()
                .jobId("c").build()));
        join("g", "a");
        assertThat(executionsOf("c", "a")).isZero();
        assertThat(counters("c").numberOfQueuedThings()).isZero();
        assertThat(describe("c").status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void g2_j7_aJoinCommittedWhileACancelListsTheQueuedExecutionsIsCanceledToo() {
        things("a");
        group("g", null);
        continuous("c", "g");
        repository.beforeNextCommit(() -> join("g", "a"));
        control().cancelJob(dev.iotjobs.api.control.CancelJobRequest.builder().jobId("c").build());
        assertThat(execution("c", "a").status()).isEqualTo(JobExecutionStatus.CANCELED);
        assertThat(counters("c").numberOfQueuedThings()).isZero();
        assertThat(counters("c").numberOfCanceledThings()).isEqualTo(1);
    }

    @Test
    void g2_aJoinRacingADeleteQueuesNothing() {
        things("a");
        group("g", null);
        continuous("c", "g");
        repository.beforeNextCommit(() -> control().deleteJob(DeleteJobRequest.builder().jobId("c").force(true)
                .build()));
        join("g", "a");
        engine.runDueWork();
        assertThatThrownBy(() -> describe("c")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(repository.listExecutionsForThing("a", null, null, null, 10).items()).isEmpty();
    }

    @Test
    void g3_aLeaveCommittedDuringAContinuousJobsExpansionLeavesNoExecution() {
        things("a");
        group("g", null, "a");
        repository.beforeNextCommit(() -> leave("g", "a"));
        continuous("c", "g");
        assertThat(executionsOf("c", "a")).isZero();
        assertThat(counters("c").numberOfQueuedThings()).isZero();
    }

    @Test
    void g3_aLeaveRacingAJoinOfAnotherTargetGroupKeepsTheExecution() {
        things("a");
        group("g1", null, "a");
        group("g2", null);
        control().createJob(CreateJobRequest.builder().jobId("c").document(DOC)
                .targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS)
                .targets(List.of(groupArn("g1"), groupArn("g2"))).build());
        repository.beforeNextCommit(() -> join("g2", "a"));   // sees a pending execution: nothing to queue
        leave("g1", "a");                                      // read a as targeted by g1 only
        assertThat(execution("c", "a").status()).isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(counters("c").numberOfQueuedThings()).isEqualTo(1);
    }

    @Test
    void g2_aJoinRacingAScheduledContinuousJobsStartIsReachedOnce() {
        things("a");
        group("g", null);
        control().createJob(CreateJobRequest.builder().jobId("c").document(DOC)
                .targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS).targets(groupArn("g"))
                .schedulingConfig(dev.iotjobs.api.model.SchedulingConfig.builder().startTime("2026-01-01T00:10")
                        .build()).build());
        clock.advance(java.time.Duration.ofMinutes(10));
        repository.beforeNextCommit(() -> join("g", "a"));   // the job is still SCHEDULED for the join
        engine.runDueWork();
        assertThat(describe("c").status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(executionsOf("c", "a")).isEqualTo(1);
        assertThat(counters("c").numberOfQueuedThings()).isEqualTo(1);
    }

    @Test
    void e1_aListenerThatCallsTheEngineSeesEveryEventOnceInCommitOrder() {
        things("t1");
        List<JobEvent> seen = new ArrayList<>();
        AtomicBoolean reacted = new AtomicBoolean();
        engine.events().subscribe(event -> {
            if (!(event instanceof JobEvent jobEvent)) {
                return;
            }
            seen.add(jobEvent);
            if (event instanceof JobCreated && reacted.compareAndSet(false, true)) {
                control().createJob(CreateJobRequest.builder().jobId("reaction").document(DOC)
                        .targets(thingArn("t1")).build());
            }
        });
        job("first", "t1");
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).extracting(JobEvent::jobId)
                .containsExactly("first", "first", "reaction", "reaction");
    }

    @Test
    void c3_staleCommitsAreRetriedInsideTheEngine() {
        things("t1");
        job("j1", "t1");
        repository.failCommitsAsStale(5);
        startNext("t1");
        assertThat(execution("j1", "t1").status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
    }

    @Test
    void c3_aStoreThatStaysContendedIsServiceUnavailableAndNothingChanges() {
        things("t1");
        job("j1", "t1");
        repository.failCommitsAsStale(Integer.MAX_VALUE);
        assertThatThrownBy(() -> startNext("t1")).isInstanceOf(ServiceUnavailableException.class);
        repository.failCommitsAsStale(0);
        assertThat(execution("j1", "t1").status()).isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(1L);
    }
}
