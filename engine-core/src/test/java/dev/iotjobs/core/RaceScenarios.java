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
