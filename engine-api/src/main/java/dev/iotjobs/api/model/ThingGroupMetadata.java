package dev.iotjobs.api.model;

import java.time.Instant;
import java.util.List;

/**
 * Where a thing group sits in its hierarchy, and when it was created.
 *
 * @param parentGroupName The parent group, absent for a root group.
 * @param rootToParentThingGroups The group's ancestors, the root first and the parent last; empty for a root group.
 * @param creationDate When the group was created.
 */
public record ThingGroupMetadata(
        String parentGroupName,
        List<GroupNameAndArn> rootToParentThingGroups,
        Instant creationDate) {
    /** Normalizes absent lists and maps to empty ones. */
    public ThingGroupMetadata {
        rootToParentThingGroups = Values.list(rootToParentThingGroups);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.parentGroupName = parentGroupName;
        b.rootToParentThingGroups = rootToParentThingGroups;
        b.creationDate = creationDate;
        return b;
    }

    /** Mutable builder of {@link ThingGroupMetadata}. */
    public static final class Builder {
        private String parentGroupName;
        private List<GroupNameAndArn> rootToParentThingGroups;
        private Instant creationDate;

        private Builder() {
        }

        /**
         * @param parentGroupName The parent group, absent for a root group.
         * @return this builder
         */
        public Builder parentGroupName(String parentGroupName) {
            this.parentGroupName = parentGroupName;
            return this;
        }

        /**
         * @param rootToParentThingGroups The group's ancestors, the root first and the parent last; empty for a root group.
         * @return this builder
         */
        public Builder rootToParentThingGroups(List<GroupNameAndArn> rootToParentThingGroups) {
            this.rootToParentThingGroups = rootToParentThingGroups;
            return this;
        }

        /**
         * @param rootToParentThingGroups The group's ancestors, the root first and the parent last; empty for a root group.
         * @return this builder
         */
        public Builder rootToParentThingGroups(GroupNameAndArn... rootToParentThingGroups) {
            this.rootToParentThingGroups = rootToParentThingGroups == null ? null : java.util.Arrays.asList(rootToParentThingGroups);
            return this;
        }

        /**
         * @param creationDate When the group was created.
         * @return this builder
         */
        public Builder creationDate(Instant creationDate) {
            this.creationDate = creationDate;
            return this;
        }

        /** @return the built value */
        public ThingGroupMetadata build() {
            return new ThingGroupMetadata(parentGroupName, rootToParentThingGroups, creationDate);
        }
    }
}
