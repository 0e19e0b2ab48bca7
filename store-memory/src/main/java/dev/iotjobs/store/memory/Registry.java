package dev.iotjobs.store.memory;

import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.ThingFilter;
import dev.iotjobs.spi.ThingGroupFilter;
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
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The thing registry: things by name, groups by name and by id, child groups per parent, members per group and
 * groups per thing, each sorted by name; for the listings (SPEC G6) the things by name, by type and by attribute
 * value, the groups by name and the root groups. Not thread-safe: the repository's lock guards it.
 */
final class Registry {
    private static final NavigableSet<String> NO_NAMES = Collections.emptyNavigableSet();

    private final Map<String, ThingRecord> things = new HashMap<>();
    private final Map<String, ThingGroupRecord> groups = new HashMap<>();
    private final Map<String, String> groupNamesById = new HashMap<>();
    private final Map<String, NavigableSet<String>> childrenByParent = new HashMap<>();
    private final Map<String, NavigableSet<String>> membersByGroup = new HashMap<>();
    private final Map<String, NavigableSet<String>> groupsByThing = new HashMap<>();
    private final NavigableSet<String> thingNames = new TreeSet<>();
    private final Map<String, NavigableSet<String>> thingsByType = new HashMap<>();
    /** Attribute name, then value, then the things that have it. */
    private final Map<String, NavigableMap<String, NavigableSet<String>>> thingsByAttribute = new HashMap<>();
    private final NavigableSet<String> groupNames = new TreeSet<>();
    private final NavigableSet<String> rootGroups = new TreeSet<>();

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
        thingNames.add(thing.thingName());
        if (thing.thingTypeName() != null) {
            Indexes.add(thingsByType, thing.thingTypeName(), thing.thingName());
        }
        thing.attributes().forEach((name, value) -> Indexes.add(
                thingsByAttribute.computeIfAbsent(name, n -> new TreeMap<>()), value, thing.thingName()));
    }

    /** Deletes the thing and its memberships. */
    void removeThing(String thingName) {
        ThingRecord thing = things.remove(thingName);
        if (thing != null) {
            thingNames.remove(thingName);
            if (thing.thingTypeName() != null) {
                Indexes.remove(thingsByType, thing.thingTypeName(), thingName);
            }
            thing.attributes().forEach((name, value) -> {
                NavigableMap<String, NavigableSet<String>> values = thingsByAttribute.get(name);
                Indexes.remove(values, value, thingName);
                if (values.isEmpty()) {
                    thingsByAttribute.remove(name);
                }
            });
        }
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
        groupNames.add(group.thingGroupName());
        if (group.parentGroupName() != null) {
            Indexes.add(childrenByParent, group.parentGroupName(), group.thingGroupName());
        } else {
            rootGroups.add(group.thingGroupName());
        }
    }

    /** Deletes the group and its memberships; its children keep naming it as their parent. */
    void removeGroup(String groupName) {
        ThingGroupRecord group = groups.remove(groupName);
        if (group == null) {
            return;
        }
        groupNamesById.remove(group.thingGroupId());
        groupNames.remove(groupName);
        rootGroups.remove(groupName);
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

    /**
     * SPEC G6: walks the narrowest index the filter allows (an attribute value's things, an attribute prefix's
     * value range, a type's things, or all names) from the cursor on.
     */
    Page<ThingRecord> listThings(ThingFilter filter, String afterThingName, int limit) {
        NavigableSet<String> names;
        if (filter.attributeName() != null) {
            NavigableMap<String, NavigableSet<String>> values =
                    thingsByAttribute.getOrDefault(filter.attributeName(), Collections.emptyNavigableMap());
            if (filter.attributeValuePrefix()) {
                names = new TreeSet<>();
                startingWith(values, filter.attributeValue()).values().forEach(names::addAll);
            } else {
                names = values.getOrDefault(filter.attributeValue(), NO_NAMES);
            }
        } else if (filter.thingTypeName() != null) {
            names = thingsByType.getOrDefault(filter.thingTypeName(), NO_NAMES);
        } else {
            names = thingNames;
        }
        return Pages.page(after(names, afterThingName), things::get, filter::test, limit);
    }

    /** SPEC G6: a parent's children, the roots or all groups, cut to the name prefix's range, from the cursor on. */
    Page<ThingGroupRecord> listThingGroups(ThingGroupFilter filter, String afterGroupName, int limit) {
        NavigableSet<String> names = filter.parentGroupName() != null
                ? childrenByParent.getOrDefault(filter.parentGroupName(), NO_NAMES)
                : filter.rootsOnly() ? rootGroups : groupNames;
        if (filter.namePrefix() != null) {
            names = names.subSet(filter.namePrefix(), true, filter.namePrefix() + Character.MAX_VALUE, false);
        }
        return Pages.page(after(names, afterGroupName), groups::get, filter::test, limit);
    }

    private static NavigableSet<String> after(NavigableSet<String> names, String after) {
        return after == null ? names : names.tailSet(after, false);
    }

    /** Names and values match {@code [a-zA-Z0-9_.,@/:#-]}: below {@link Character#MAX_VALUE}. */
    private static <V> NavigableMap<String, V> startingWith(NavigableMap<String, V> map, String prefix) {
        return map.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
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
