package dev.iotjobs.api.control;

import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.ThingGroupProperties;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The request of the control-plane operation {@code createThingGroup}.
 *
 * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param parentGroupName The parent thing group, if any.
 * @param thingGroupProperties The thing group's description and attributes.
 * @param tags Tags attached to the resource.
 */
public record CreateThingGroupRequest(
        String thingGroupName,
        String parentGroupName,
        ThingGroupProperties thingGroupProperties,
        List<Tag> tags) {
    /** Normalizes absent lists and maps to empty ones. */
    public CreateThingGroupRequest {
        tags = Values.list(tags);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingGroupName = thingGroupName;
        b.parentGroupName = parentGroupName;
        b.thingGroupProperties = thingGroupProperties;
        b.tags = tags;
        return b;
    }

    /** Mutable builder of {@link CreateThingGroupRequest}. */
    public static final class Builder {
        private String thingGroupName;
        private String parentGroupName;
        private ThingGroupProperties thingGroupProperties;
        private List<Tag> tags;

        private Builder() {
        }

        /**
         * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
         * @return this builder
         */
        public Builder thingGroupName(String thingGroupName) {
            this.thingGroupName = thingGroupName;
            return this;
        }

        /**
         * @param parentGroupName The parent thing group, if any.
         * @return this builder
         */
        public Builder parentGroupName(String parentGroupName) {
            this.parentGroupName = parentGroupName;
            return this;
        }

        /**
         * @param thingGroupProperties The thing group's description and attributes.
         * @return this builder
         */
        public Builder thingGroupProperties(ThingGroupProperties thingGroupProperties) {
            this.thingGroupProperties = thingGroupProperties;
            return this;
        }

        /**
         * @param tags Tags attached to the resource.
         * @return this builder
         */
        public Builder tags(List<Tag> tags) {
            this.tags = tags;
            return this;
        }

        /**
         * @param tags Tags attached to the resource.
         * @return this builder
         */
        public Builder tags(Tag... tags) {
            this.tags = tags == null ? null : java.util.Arrays.asList(tags);
            return this;
        }

        /** @return the built value */
        public CreateThingGroupRequest build() {
            return new CreateThingGroupRequest(thingGroupName, parentGroupName, thingGroupProperties, tags);
        }
    }
}
