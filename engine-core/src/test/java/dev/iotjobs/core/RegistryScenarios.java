package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.CreateThingResponse;
import dev.iotjobs.api.control.DeleteThingGroupRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.control.DescribeThingGroupRequest;
import dev.iotjobs.api.control.DescribeThingGroupResponse;
import dev.iotjobs.api.control.DescribeThingRequest;
import dev.iotjobs.api.control.DescribeThingResponse;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.control.ListJobsResponse;
import dev.iotjobs.api.control.ListThingGroupsRequest;
import dev.iotjobs.api.control.ListThingGroupsResponse;
import dev.iotjobs.api.control.ListThingsRequest;
import dev.iotjobs.api.control.ListThingsResponse;
import dev.iotjobs.api.control.ListThingsInThingGroupRequest;
import dev.iotjobs.api.control.ListThingsInThingGroupResponse;
import dev.iotjobs.api.control.RemoveThingFromThingGroupRequest;
import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.ResourceAlreadyExistsException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.AttributePayload;
import dev.iotjobs.api.model.GroupNameAndArn;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.JobSummary;
import dev.iotjobs.api.model.ThingAttribute;
import dev.iotjobs.api.model.ThingGroupProperties;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The thing registry (SPEC G1, G4, G6, V5) on the store under test. */
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

    // ---------------------------------------------------------------- G6: registry reads

    private void thing(String name, String type, Map<String, String> attributes) {
        registry().createThing(CreateThingRequest.builder().thingName(name).thingTypeName(type)
                .attributePayload(AttributePayload.builder().attributes(attributes).build()).build());
    }

    /** Every page of a ListThings, asserting that no page is larger than asked. */
    private List<ThingAttribute> allThings(int pageSize, UnaryOperator<ListThingsRequest.Builder> filter) {
        List<ThingAttribute> all = new ArrayList<>();
        String token = null;
        do {
            ListThingsResponse page = registry().listThings(
                    filter.apply(ListThingsRequest.builder()).maxResults(pageSize).nextToken(token).build());
            assertThat(page.things()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.things());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    private List<String> thingNames(int pageSize, UnaryOperator<ListThingsRequest.Builder> filter) {
        return allThings(pageSize, filter).stream().map(ThingAttribute::thingName).toList();
    }

    private List<String> groupNames(int pageSize, UnaryOperator<ListThingGroupsRequest.Builder> filter) {
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            ListThingGroupsResponse page = registry().listThingGroups(
                    filter.apply(ListThingGroupsRequest.builder()).maxResults(pageSize).nextToken(token).build());
            assertThat(page.thingGroups()).hasSizeLessThanOrEqualTo(pageSize);
            page.thingGroups().forEach(g -> assertThat(g.groupArn()).isEqualTo(groupArn(g.groupName())));
            page.thingGroups().forEach(g -> all.add(g.groupName()));
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    @Test
    void g6_describeThing_returnsAttributesAndVersion() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("serial", "SN-0042");
        attributes.put("model", "m:1/a#b@c,d.e_f");
        attributes.put("empty", "");
        thing("sensor-1", "bulb", attributes);
        CreateThingResponse created = registry().createThing(CreateThingRequest.builder().thingName("bare").build());

        DescribeThingResponse described = registry().describeThing(DescribeThingRequest.builder()
                .thingName("sensor-1").build());
        assertThat(described.thingName()).isEqualTo("sensor-1");
        assertThat(described.thingArn()).isEqualTo(thingArn("sensor-1"));
        assertThat(described.thingId()).isNotBlank();
        assertThat(described.thingTypeName()).isEqualTo("bulb");
        assertThat(described.attributes()).containsExactlyInAnyOrderEntriesOf(attributes);
        assertThat(described.version()).isEqualTo(1L);
        assertThat(described.defaultClientId()).isEqualTo("sensor-1");
        assertThat(described.billingGroupName()).isNull();

        DescribeThingResponse bare = registry().describeThing(DescribeThingRequest.builder().thingName("bare").build());
        assertThat(bare.thingId()).isEqualTo(created.thingId());
        assertThat(bare.thingTypeName()).isNull();
        assertThat(bare.attributes()).isEmpty();
        assertThat(bare.version()).isEqualTo(1L);
    }

    @Test
    void g6_describeThing_unknownNameIsNotFound() {
        assertThatThrownBy(() -> registry().describeThing(DescribeThingRequest.builder().thingName("ghost").build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("thingName")
                .hasMessageContaining("ghost");
        things("gone");
        registry().deleteThing(DeleteThingRequest.builder().thingName("gone").build());
        assertThatThrownBy(() -> registry().describeThing(DescribeThingRequest.builder().thingName("gone").build()))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void g6_listThings_pagesInNameOrderWithoutSkipsOrRepeats() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            names.add(String.format("t-%02d", (i * 7) % 23));
        }
        names.add("T:upper");
        names.add("a_b");
        names.add("a-b");
        names.forEach(this::things);
        List<String> sorted = names.stream().sorted().toList();
        for (int size : new int[] {1, 2, 5, 250}) {
            assertThat(thingNames(size, b -> b)).as("page size " + size).containsExactlyElementsOf(sorted);
        }
        assertThat(registry().listThings(ListThingsRequest.builder().build()).things()).hasSize(26);
        ListThingsResponse first = registry().listThings(ListThingsRequest.builder().maxResults(26).build());
        assertThat(first.nextToken()).isNull();
        ThingAttribute listed = first.things().get(0);
        assertThat(listed.thingArn()).isEqualTo(thingArn(listed.thingName()));
        assertThat(listed.version()).isEqualTo(1L);
    }

    @Test
    void g6_listThings_pagesStayExactWhileThingsComeAndGo() {
        things("a", "c", "e", "g", "i");
        ListThingsResponse first = registry().listThings(ListThingsRequest.builder().maxResults(2).build());
        assertThat(first.things()).extracting(ThingAttribute::thingName).containsExactly("a", "c");
        things("b", "d", "f");
        registry().deleteThing(DeleteThingRequest.builder().thingName("c").build());
        registry().deleteThing(DeleteThingRequest.builder().thingName("e").build());
        List<String> rest = new ArrayList<>();
        String token = first.nextToken();
        while (token != null) {
            ListThingsResponse page = registry().listThings(ListThingsRequest.builder().maxResults(2)
                    .nextToken(token).build());
            page.things().forEach(t -> rest.add(t.thingName()));
            token = page.nextToken();
        }
        assertThat(rest).containsExactly("d", "f", "g", "i");
    }

    @Test
    void g6_listThings_filtersByAttributeValue() {
        thing("t1", null, Map.of("color", "red", "size", "L"));
        thing("t2", null, Map.of("color", "blue"));
        thing("t3", null, Map.of("color", "red"));
        thing("t4", null, Map.of("colour", "red"));
        thing("t5", null, Map.of("color", "redder"));
        thing("t6", null, Map.of("color", ""));
        things("t7");
        for (int size : new int[] {1, 100}) {
            assertThat(thingNames(size, b -> b.attributeName("color").attributeValue("red")))
                    .containsExactly("t1", "t3");
        }
        List<ThingAttribute> red = allThings(100, b -> b.attributeName("color").attributeValue("red"));
        assertThat(red.get(0).attributes()).containsOnly(Map.entry("color", "red"), Map.entry("size", "L"));
        assertThat(thingNames(100, b -> b.attributeName("color").attributeValue(""))).containsExactly("t6");
        assertThat(thingNames(100, b -> b.attributeName("size").attributeValue("red"))).isEmpty();
        assertThat(thingNames(100, b -> b.attributeName("nothing").attributeValue("red"))).isEmpty();
        // The filter goes with the thing.
        registry().deleteThing(DeleteThingRequest.builder().thingName("t1").build());
        things("t1");
        assertThat(thingNames(100, b -> b.attributeName("color").attributeValue("red"))).containsExactly("t3");
    }

    @Test
    void g6_listThings_filtersByAttributeValuePrefix() {
        thing("t1", null, Map.of("fw", "1.2.3"));
        thing("t2", null, Map.of("fw", "1.20.0"));
        thing("t3", null, Map.of("fw", "1.3"));
        thing("t4", null, Map.of("fw", "2.1.2"));
        thing("t5", null, Map.of("fw", "1_2"));
        thing("t6", null, Map.of("other", "1.2"));
        for (int size : new int[] {1, 100}) {
            assertThat(thingNames(size, b -> b.attributeName("fw").attributeValue("1.2")
                    .usePrefixAttributeValue(true))).containsExactly("t1", "t2");
        }
        assertThat(thingNames(100, b -> b.attributeName("fw").attributeValue("1").usePrefixAttributeValue(true)))
                .containsExactly("t1", "t2", "t3", "t5");
        assertThat(thingNames(100, b -> b.attributeName("fw").attributeValue("").usePrefixAttributeValue(true)))
                .containsExactly("t1", "t2", "t3", "t4", "t5");
        assertThat(thingNames(100, b -> b.attributeName("fw").attributeValue("1.2").usePrefixAttributeValue(false)))
                .isEmpty();
    }

    @Test
    void g6_listThings_filtersByThingType() {
        thing("t1", "bulb", Map.of());
        thing("t2", "switch", Map.of());
        thing("t3", "bulb", Map.of("a", "b"));
        things("t4");
        for (int size : new int[] {1, 100}) {
            assertThat(thingNames(size, b -> b.thingTypeName("bulb"))).containsExactly("t1", "t3");
        }
        assertThat(allThings(100, b -> b.thingTypeName("switch")).get(0).thingTypeName()).isEqualTo("switch");
        assertThat(thingNames(100, b -> b.thingTypeName("none"))).isEmpty();
    }

    @Test
    void g6_listThings_rejectsHalfAFilterAndTypeWithAttribute() {
        things("t1");
        assertThatThrownBy(() -> registry().listThings(ListThingsRequest.builder().attributeName("a").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("attributeValue");
        assertThatThrownBy(() -> registry().listThings(ListThingsRequest.builder().attributeValue("a").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("attributeName");
        assertThatThrownBy(() -> registry().listThings(ListThingsRequest.builder().attributeName("a")
                .attributeValue("b").thingTypeName("bulb").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("thingTypeName");
        assertThatThrownBy(() -> registry().listThings(ListThingsRequest.builder().usePrefixAttributeValue(true)
                .build())).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("usePrefixAttributeValue");
        String groupsToken = registry().listThingGroups(ListThingGroupsRequest.builder().maxResults(1).build())
                .nextToken();
        assertThat(groupsToken).isNull();
        group("g1", null);
        group("g2", null);
        String token = registry().listThingGroups(ListThingGroupsRequest.builder().maxResults(1).build())
                .nextToken();
        assertThatThrownBy(() -> registry().listThings(ListThingsRequest.builder().nextToken(token).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("nextToken");
    }

    @Test
    void g6_describeThingGroup_returnsPropertiesAndMetadata() {
        Instant created = clock.instant();
        registry().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet")
                .thingGroupProperties(ThingGroupProperties.builder().thingGroupDescription("All devices")
                        .attributePayload(AttributePayload.builder().attributes(Map.of("site", "hq")).build())
                        .build())
                .build());
        DescribeThingGroupResponse fleet = registry().describeThingGroup(DescribeThingGroupRequest.builder()
                .thingGroupName("fleet").build());
        assertThat(fleet.thingGroupName()).isEqualTo("fleet");
        assertThat(fleet.thingGroupArn()).isEqualTo(groupArn("fleet"));
        assertThat(fleet.thingGroupId()).isNotBlank();
        assertThat(fleet.version()).isEqualTo(1L);
        assertThat(fleet.thingGroupProperties().thingGroupDescription()).isEqualTo("All devices");
        assertThat(fleet.thingGroupProperties().attributePayload().attributes()).containsOnly(Map.entry("site", "hq"));
        assertThat(fleet.thingGroupMetadata().parentGroupName()).isNull();
        assertThat(fleet.thingGroupMetadata().rootToParentThingGroups()).isEmpty();
        assertThat(fleet.thingGroupMetadata().creationDate()).isEqualTo(created);
        assertThat(fleet.indexName()).isNull();
        assertThat(fleet.queryString()).isNull();
        assertThat(fleet.queryVersion()).isNull();
        assertThat(fleet.status()).isNull();
        group("bare", null);
        DescribeThingGroupResponse bare = registry().describeThingGroup(DescribeThingGroupRequest.builder()
                .thingGroupName("bare").build());
        assertThat(bare.thingGroupProperties().thingGroupDescription()).isNull();
        assertThat(bare.thingGroupProperties().attributePayload().attributes()).isEmpty();
    }

    @Test
    void g6_describeThingGroup_rootToParentThingGroupsRootFirst() {
        group("zeta", null);
        group("alpha", "zeta");
        group("mid", "alpha");
        group("leaf", "mid");
        DescribeThingGroupResponse leaf = registry().describeThingGroup(DescribeThingGroupRequest.builder()
                .thingGroupName("leaf").build());
        assertThat(leaf.thingGroupMetadata().parentGroupName()).isEqualTo("mid");
        assertThat(leaf.thingGroupMetadata().rootToParentThingGroups()).containsExactly(
                new GroupNameAndArn("zeta", groupArn("zeta")), new GroupNameAndArn("alpha", groupArn("alpha")),
                new GroupNameAndArn("mid", groupArn("mid")));
        DescribeThingGroupResponse alpha = registry().describeThingGroup(DescribeThingGroupRequest.builder()
                .thingGroupName("alpha").build());
        assertThat(alpha.thingGroupMetadata().rootToParentThingGroups()).extracting(GroupNameAndArn::groupName)
                .containsExactly("zeta");
    }

    @Test
    void g6_describeThingGroup_unknownNameIsNotFound() {
        assertThatThrownBy(() -> registry().describeThingGroup(DescribeThingGroupRequest.builder()
                .thingGroupName("ghost").build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("thingGroupName")
                .hasMessageContaining("ghost");
    }

    /** root1 > (a > (a1, a2 > a2x), b), root2 > c; root3 alone. */
    private void tree() {
        group("root1", null);
        group("root2", null);
        group("root3", null);
        group("a", "root1");
        group("b", "root1");
        group("a1", "a");
        group("a2", "a");
        group("a2x", "a2");
        group("c", "root2");
    }

    @Test
    void g6_listThingGroups_allGroupsOrOnlyRootsInNameOrder() {
        tree();
        List<String> all = List.of("a", "a1", "a2", "a2x", "b", "c", "root1", "root2", "root3");
        for (int size : new int[] {1, 2, 4, 250}) {
            assertThat(groupNames(size, b -> b)).as("page size " + size).containsExactlyElementsOf(all);
            assertThat(groupNames(size, b -> b.recursive(true))).containsExactlyElementsOf(all);
            assertThat(groupNames(size, b -> b.recursive(false))).containsExactly("root1", "root2", "root3");
        }
    }

    @Test
    void g6_listThingGroups_parentGroupChildrenOrAllDescendants() {
        tree();
        for (int size : new int[] {1, 2, 250}) {
            assertThat(groupNames(size, b -> b.parentGroup("root1").recursive(false))).containsExactly("a", "b");
            assertThat(groupNames(size, b -> b.parentGroup("root1").recursive(true)))
                    .containsExactly("a", "a1", "a2", "a2x", "b");
            assertThat(groupNames(size, b -> b.parentGroup("root1"))).containsExactly("a", "a1", "a2", "a2x", "b");
            assertThat(groupNames(size, b -> b.parentGroup("a").recursive(false))).containsExactly("a1", "a2");
        }
        assertThat(groupNames(10, b -> b.parentGroup("root3"))).isEmpty();
        assertThat(groupNames(10, b -> b.parentGroup("a2x").recursive(false))).isEmpty();
    }

    @Test
    void g6_listThingGroups_namePrefixFilter() {
        tree();
        group("a:b", null);
        group("a_", "root2");
        for (int size : new int[] {1, 250}) {
            assertThat(groupNames(size, b -> b.namePrefixFilter("a"))).containsExactly("a", "a1", "a2", "a2x", "a:b",
                    "a_");
            assertThat(groupNames(size, b -> b.namePrefixFilter("a2"))).containsExactly("a2", "a2x");
            assertThat(groupNames(size, b -> b.namePrefixFilter("a").recursive(false))).containsExactly("a:b");
            assertThat(groupNames(size, b -> b.namePrefixFilter("root").recursive(false)))
                    .containsExactly("root1", "root2", "root3");
            assertThat(groupNames(size, b -> b.parentGroup("root1").namePrefixFilter("a")))
                    .containsExactly("a", "a1", "a2", "a2x");
            assertThat(groupNames(size, b -> b.parentGroup("a").recursive(false).namePrefixFilter("a2")))
                    .containsExactly("a2");
            assertThat(groupNames(size, b -> b.parentGroup("root2").namePrefixFilter("a"))).containsExactly("a_");
        }
        assertThat(groupNames(10, b -> b.namePrefixFilter("zzz"))).isEmpty();
    }

    @Test
    void g6_listThingGroups_unknownParentIsNotFound() {
        assertThatThrownBy(() -> registry().listThingGroups(ListThingGroupsRequest.builder().parentGroup("ghost")
                .build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("parentGroup")
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> registry().listThingGroups(ListThingGroupsRequest.builder().parentGroup("ghost")
                .recursive(false).build())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void g6_listThingGroups_pagesStayExactWhileGroupsComeAndGo() {
        group("g1", null);
        group("g3", null);
        group("g5", null);
        group("g7", null);
        ListThingGroupsResponse first = registry().listThingGroups(ListThingGroupsRequest.builder().maxResults(2)
                .build());
        assertThat(first.thingGroups()).extracting(GroupNameAndArn::groupName).containsExactly("g1", "g3");
        group("g2", null);
        group("g4", null);
        registry().deleteThingGroup(DeleteThingGroupRequest.builder().thingGroupName("g5").build());
        ListThingGroupsResponse second = registry().listThingGroups(ListThingGroupsRequest.builder().maxResults(2)
                .nextToken(first.nextToken()).build());
        assertThat(second.thingGroups()).extracting(GroupNameAndArn::groupName).containsExactly("g4", "g7");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void g6_listJobs_fillsThingGroupIdWhenFilteredByGroup() {
        things("t1");
        group("fleet", null, "t1");
        String fleetId = registry().describeThingGroup(DescribeThingGroupRequest.builder().thingGroupName("fleet")
                .build()).thingGroupId();
        control().createJob(CreateJobRequest.builder().jobId("by-group").document(DOC)
                .targets(groupArn("fleet")).build());
        job("by-thing", "t1");
        ListJobsResponse unfiltered = control().listJobs(ListJobsRequest.builder().build());
        assertThat(unfiltered.jobs()).extracting(JobSummary::thingGroupId).containsOnlyNulls();
        ListJobsResponse byName = control().listJobs(ListJobsRequest.builder().thingGroupName("fleet").build());
        assertThat(byName.jobs()).extracting(JobSummary::jobId).containsExactly("by-group");
        assertThat(byName.jobs()).extracting(JobSummary::thingGroupId).containsExactly(fleetId);
        ListJobsResponse byId = control().listJobs(ListJobsRequest.builder().thingGroupId(fleetId).build());
        assertThat(byId.jobs()).extracting(JobSummary::thingGroupId).containsExactly(fleetId);
    }
}
