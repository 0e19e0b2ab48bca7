package dev.iotjobs.spi;

/**
 * Which thing groups {@link JobRepository#listThingGroups} returns.
 *
 * @param parentGroupName only the direct children of this group, or null for groups under any parent
 * @param rootsOnly only groups without a parent (with a null {@code parentGroupName})
 * @param namePrefix only groups whose name starts with this, or null for all
 */
public record ThingGroupFilter(String parentGroupName, boolean rootsOnly, String namePrefix) {
    /** A group with a parent is no root. */
    public ThingGroupFilter {
        if (parentGroupName != null && rootsOnly) {
            throw new IllegalArgumentException("a parent's children are no root groups");
        }
    }

    /** @param group a group @return whether this filter keeps it (for stores that filter in memory) */
    public boolean test(ThingGroupRecord group) {
        if (parentGroupName != null && !parentGroupName.equals(group.parentGroupName())) {
            return false;
        }
        if (rootsOnly && group.parentGroupName() != null) {
            return false;
        }
        return namePrefix == null || group.thingGroupName().startsWith(namePrefix);
    }
}
