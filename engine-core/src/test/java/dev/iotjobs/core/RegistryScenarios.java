package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.CreateThingResponse;
import dev.iotjobs.api.control.DeleteThingGroupRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.control.ListThingsInThingGroupRequest;
import dev.iotjobs.api.control.ListThingsInThingGroupResponse;
import dev.iotjobs.api.control.RemoveThingFromThingGroupRequest;
import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.ResourceAlreadyExistsException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The thing registry (SPEC G1, G4, V5) on the store under test. */
public abstract class RegistryScenarios extends EngineFixture {

    @Test
    void g1_createThingAnswersNameArnAndId() {
        CreateThingResponse created = registry().createThing(CreateThingRequest.builder().thingName("t1").build());
        assertThat(created.thingName()).isEqualTo("t1");
        assertThat(created.thingArn()).isEqualTo(thingArn("t1"));
        assertThat(created.thingId()).isNotBlank();
        assertThatThrownBy(() -> things("t1")).isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    void g1_groupsNestAndParentsMustExist() {
        group("root", null);
        group("child", "root");
        assertThatThrownBy(() -> group("root", null)).isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> registry().createThingGroup(CreateThingGroupRequest.builder()
                .thingGroupName("orphan").parentGroupName("missing").build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> registry().deleteThingGroup(DeleteThingGroupRequest.builder()
                .thingGroupName("root").build())).isInstanceOf(InvalidRequestException.class);
        registry().deleteThingGroup(DeleteThingGroupRequest.builder().thingGroupName("child").build());
        registry().deleteThingGroup(DeleteThingGroupRequest.builder().thingGroupName("root").build());
        assertThatThrownBy(() -> registry().deleteThingGroup(DeleteThingGroupRequest.builder()
                .thingGroupName("root").build())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void g1_membershipByNameOrArnAndListingRecursive() {
        things("a", "b", "c");
        group("root", null, "a");
        group("child", "root", "b", "a");
        registry().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupArn(groupArn("child"))
                .thingArn(thingArn("c")).build());
        assertThat(listThings("root", false)).containsExactly("a");
        assertThat(listThings("root", true)).containsExactly("a", "b", "c");
        registry().removeThingFromThingGroup(RemoveThingFromThingGroupRequest.builder().thingGroupName("child")
                .thingName("b").build());
        assertThat(listThings("child", false)).containsExactly("a", "c");
        assertThatThrownBy(() -> registry().addThingToThingGroup(AddThingToThingGroupRequest.builder()
                .thingGroupName("root").thingName("ghost").build())).isInstanceOf(ResourceNotFoundException.class);
    }

    private List<String> listThings(String group, boolean recursive) {
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            ListThingsInThingGroupResponse page = registry().listThingsInThingGroup(ListThingsInThingGroupRequest
                    .builder().thingGroupName(group).recursive(recursive).maxResults(2).nextToken(token).build());
            all.addAll(page.things());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    @Test
    void g1_deleteThingChecksExistenceAndVersion() {
        things("t1");
        assertThatThrownBy(() -> registry().deleteThing(DeleteThingRequest.builder().thingName("t1")
                .expectedVersion(5L).build())).isInstanceOf(VersionConflictException.class);
        registry().deleteThing(DeleteThingRequest.builder().thingName("t1").expectedVersion(1L).build());
        assertThatThrownBy(() -> registry().deleteThing(DeleteThingRequest.builder().thingName("t1").build()))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void g4_deletingAThingRemovesItsPendingExecutionsAndMayCompleteJobs() {
        things("t1", "t2");
        group("g", null, "t1");
        job("j1", "t1");
        job("j2", "t1", "t2");
        startNext("t1");
        update("j2", "t2", JobExecutionStatus.SUCCEEDED);
        registry().deleteThing(DeleteThingRequest.builder().thingName("t1").build());
        assertThat(execution("j1", "t1").status()).isEqualTo(JobExecutionStatus.REMOVED);
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(3L);
        assertThat(execution("j2", "t1").status()).isEqualTo(JobExecutionStatus.REMOVED);
        assertThat(counters("j2").numberOfRemovedThings()).isEqualTo(1);
        assertThat(describe("j1").status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(describe("j2").status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(listThings("g", false)).isEmpty();
    }

    @Test
    void v5_targetsMustBeArnsOfThisAccountAndExist() {
        things("t1");
        assertThatThrownBy(() -> control().createJob(CreateJobRequest.builder().jobId("j").document(DOC)
                .targets("arn:aws:iot:eu-west-1:123456789012:thing/t1").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("targets");
        assertThatThrownBy(() -> control().createJob(CreateJobRequest.builder().jobId("j").document(DOC)
                .targets(thingArn("t1"), thingArn("ghost")).build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("ghost");
        assertThatThrownBy(() -> control().createJob(CreateJobRequest.builder().jobId("j").document(DOC)
                .targets(groupArn("nogroup")).build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("nogroup");
        assertThatThrownBy(() -> describe("j")).isInstanceOf(ResourceNotFoundException.class);
    }
}
