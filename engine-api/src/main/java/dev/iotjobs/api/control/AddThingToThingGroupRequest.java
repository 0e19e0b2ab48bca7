package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code addThingToThingGroup}.
 *
 * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingGroupArn The thing group's ARN.
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingArn The thing's ARN.
 * @param overrideDynamicGroups Accepted for compatibility; dynamic groups are not modelled.
 */
public record AddThingToThingGroupRequest(
        String thingGroupName,
        String thingGroupArn,
        String thingName,
        String thingArn,
        Boolean overrideDynamicGroups) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingGroupName = thingGroupName;
        b.thingGroupArn = thingGroupArn;
        b.thingName = thingName;
        b.thingArn = thingArn;
        b.overrideDynamicGroups = overrideDynamicGroups;
        return b;
    }

    /** Mutable builder of {@link AddThingToThingGroupRequest}. */
    public static final class Builder {
        private String thingGroupName;
        private String thingGroupArn;
        private String thingName;
        private String thingArn;
        private Boolean overrideDynamicGroups;

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
         * @param thingGroupArn The thing group's ARN.
         * @return this builder
         */
        public Builder thingGroupArn(String thingGroupArn) {
            this.thingGroupArn = thingGroupArn;
            return this;
        }

        /**
         * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
         * @return this builder
         */
        public Builder thingName(String thingName) {
            this.thingName = thingName;
            return this;
        }

        /**
         * @param thingArn The thing's ARN.
         * @return this builder
         */
        public Builder thingArn(String thingArn) {
            this.thingArn = thingArn;
            return this;
        }

        /**
         * @param overrideDynamicGroups Accepted for compatibility; dynamic groups are not modelled.
         * @return this builder
         */
        public Builder overrideDynamicGroups(Boolean overrideDynamicGroups) {
            this.overrideDynamicGroups = overrideDynamicGroups;
            return this;
        }

        /** @return the built value */
        public AddThingToThingGroupRequest build() {
            return new AddThingToThingGroupRequest(thingGroupName, thingGroupArn, thingName, thingArn, overrideDynamicGroups);
        }
    }
}
