package dev.iotjobs.core.rules;

import dev.iotjobs.api.control.DescribeThingGroupResponse;
import dev.iotjobs.api.control.DescribeThingResponse;
import dev.iotjobs.api.model.AttributePayload;
import dev.iotjobs.api.model.GroupNameAndArn;
import dev.iotjobs.api.model.ThingAttribute;
import dev.iotjobs.api.model.ThingGroupMetadata;
import dev.iotjobs.api.model.ThingGroupProperties;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import java.util.List;

/** Presents stored things and thing groups as the registry's reads show them (SPEC G6). */
public final class RegistryViews {
    private RegistryViews() {
    }

    /**
     * @param thing a stored thing
     * @return it as DescribeThing shows it; {@code defaultClientId} is the thing's name, as AWS answers
     */
    public static DescribeThingResponse describeThing(ThingRecord thing) {
        return DescribeThingResponse.builder()
                .defaultClientId(thing.thingName())
                .thingName(thing.thingName())
                .thingId(thing.thingId())
                .thingArn(thing.thingArn())
                .thingTypeName(thing.thingTypeName())
                .attributes(thing.attributes())
                .version(thing.version())
                .build();
    }

    /** @param thing a stored thing @return it as ListThings lists it */
    public static ThingAttribute thingAttribute(ThingRecord thing) {
        return new ThingAttribute(thing.thingName(), thing.thingTypeName(), thing.thingArn(), thing.attributes(),
                thing.version());
    }

    /**
     * @param group a stored group
     * @param rootToParent its ancestors, the root first and its parent last (empty for a root group)
     * @return it as DescribeThingGroup shows it: a static group, so no index, query or status
     */
    public static DescribeThingGroupResponse describeThingGroup(ThingGroupRecord group,
                                                                List<ThingGroupRecord> rootToParent) {
        ThingGroupProperties properties = ThingGroupProperties.builder()
                .thingGroupDescription(group.description())
                .attributePayload(AttributePayload.builder().attributes(group.attributes()).build())
                .build();
        ThingGroupMetadata metadata = ThingGroupMetadata.builder()
                .parentGroupName(group.parentGroupName())
                .rootToParentThingGroups(rootToParent.stream().map(RegistryViews::nameAndArn).toList())
                .creationDate(group.creationDate())
                .build();
        return DescribeThingGroupResponse.builder()
                .thingGroupName(group.thingGroupName())
                .thingGroupId(group.thingGroupId())
                .thingGroupArn(group.thingGroupArn())
                .version(group.version())
                .thingGroupProperties(properties)
                .thingGroupMetadata(metadata)
                .build();
    }

    /** @param group a stored group @return its name and ARN */
    public static GroupNameAndArn nameAndArn(ThingGroupRecord group) {
        return new GroupNameAndArn(group.thingGroupName(), group.thingGroupArn());
    }
}
