package dev.iotjobs.bench;

import dev.iotjobs.api.ThingRegistry;
import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers simulated fleets through the public {@link ThingRegistry} API, as an operator would: things named
 * {@code <prefix>-000042}, each made a member of a thing group.
 */
public final class Fleet {
    private Fleet() {
    }

    /**
     * Creates a thing group, then the things and their memberships.
     *
     * @param registry the engine's thing registry
     * @param groupName the group to create
     * @param parentGroupName the group's parent, or null for a root group
     * @param thingNames the things to create and add to the group
     */
    public static void register(ThingRegistry registry, String groupName, String parentGroupName,
                                List<String> thingNames) {
        registry.createThingGroup(CreateThingGroupRequest.builder().thingGroupName(groupName)
                .parentGroupName(parentGroupName).build());
        for (String thing : thingNames) {
            registry.createThing(CreateThingRequest.builder().thingName(thing).build());
            registry.addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName(groupName)
                    .thingName(thing).build());
        }
    }

    /**
     * @param prefix the names' prefix
     * @param from the first number
     * @param count how many names
     * @return {@code prefix-NNNNNN} for the numbers {@code from .. from+count-1}, in name order
     */
    public static List<String> thingNames(String prefix, int from, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            names.add(String.format("%s-%06d", prefix, i));
        }
        return names;
    }
}
