package dev.iotjobs.store.memory;

import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.PriorityQueue;

/**
 * The thing registry: things by name, groups by name and by id, child groups per parent, members per group and
 * groups per thing, each sorted by name. Not thread-safe: the repository's lock guards it.
 */
final class Registry {
    private static final NavigableSet<String> NO_NAMES = Collections.emptyNavigableSet();

    private final Map<String, ThingRecord> things = new HashMap<>();
    private final Map<String, ThingGroupRecord> groups = new HashMap<>();
    private final Map<String, String> groupNamesById = new HashMap<>();
    private final Map<String, NavigableSet<String>> childrenByParent = new HashMap<>();
    private final Map<String, NavigableSet<String>> membersByGroup = new HashMap<>();
    private final Map<String, NavigableSet<String>> groupsByThing = new HashMap<>();

    ThingRecord thing(String thingName) {
        return things.get(thingName);
    }

    ThingGroupRecord group(String groupName) {
        return groups.get(groupName);
    }

    ThingGroupRecord groupById(String groupId) {
        String name = groupNamesById.get(groupId);
        return name == null ? null : groups.get(name);
    }

    void putThing(ThingRecord thing) {
        things.put(thing.thingName(), thing);
    }

    /** Deletes the thing and its memberships. */
    void removeThing(String thingName) {
        things.remove(thingName);
        NavigableSet<String> memberOf = groupsByThing.remove(thingName);
        if (memberOf != null) {
            for (String group : memberOf) {
                Indexes.remove(membersByGroup, group, thingName);
            }
        }
    }

    void putGroup(ThingGroupRecord group) {
        groups.put(group.thingGroupName(), group);
        groupNamesById.put(group.thingGroupId(), group.thingGroupName());
        if (group.parentGroupName() != null) {
            Indexes.add(childrenByParent, group.parentGroupName(), group.thingGroupName());
        }
    }

    /** Deletes the group and its memberships; its children keep naming it as their parent. */
    void removeGroup(String groupName) {
        ThingGroupRecord group = groups.remove(groupName);
        if (group == null) {
            return;
        }
        groupNamesById.remove(group.thingGroupId());
        if (group.parentGroupName() != null) {
            Indexes.remove(childrenByParent, group.parentGroupName(), groupName);
        }
        NavigableSet<String> members = membersByGroup.remove(groupName);
        if (members != null) {
            for (String thing : members) {
                Indexes.remove(groupsByThing, thing, groupName);
            }
        }
    }

    void addMembership(String groupName, String thingName) {
        Indexes.add(membersByGroup, groupName, thingName);
        Indexes.add(groupsByThing, thingName, groupName);
    }

    void removeMembership(String groupName, String thingName) {
        Indexes.remove(membersByGroup, groupName, thingName);
        Indexes.remove(groupsByThing, thingName, groupName);
    }

    List<String> childGroups(String groupName) {
        return List.copyOf(childrenByParent.getOrDefault(groupName, NO_NAMES));
    }

    List<String> groupsOfThing(String thingName) {
        return List.copyOf(groupsByThing.getOrDefault(thingName, NO_NAMES));
    }

    /** Merges the groups' sorted member sets, so a page costs its size times log(groups), not the members. */
    Page<String> thingsInGroups(Collection<String> groupNames, String afterThingName, int limit) {
        Pages.checkLimit(limit);
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::thingName));
        for (String group : new LinkedHashSet<>(groupNames)) {
            NavigableSet<String> members = membersByGroup.get(group);
            if (members != null) {
                Head.first(afterThingName == null ? members : members.tailSet(afterThingName, false), heads);
            }
        }
        List<String> page = new ArrayList<>(Math.min(limit, 64));
        String last = null;
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            if (!head.thingName().equals(last)) {
                if (page.size() == limit) {
                    return new Page<>(page, true);
                }
                page.add(head.thingName());
                last = head.thingName();
            }
            head.next(heads);
        }
        return new Page<>(page, false);
    }

    /** The next member of one group in the merge. */
    private record Head(String thingName, Iterator<String> rest) {
        static void first(Iterable<String> members, PriorityQueue<Head> heads) {
            new Head(null, members.iterator()).next(heads);
        }

        void next(PriorityQueue<Head> heads) {
            if (rest.hasNext()) {
                heads.add(new Head(rest.next(), rest));
            }
        }
    }
}
