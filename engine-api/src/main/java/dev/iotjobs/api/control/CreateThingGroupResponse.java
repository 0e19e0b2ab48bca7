package dev.iotjobs.api.control;

/**
 * The response of the control-plane operation {@code createThingGroup}.
 *
 * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingGroupArn The thing group's ARN.
 * @param thingGroupId The thing group's identifier.
 */
public record CreateThingGroupResponse(
        String thingGroupName,
        String thingGroupArn,
        String thingGroupId) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingGroupName = thingGroupName;
        b.thingGroupArn = thingGroupArn;
        b.thingGroupId = thingGroupId;
        return b;
    }

    /** Mutable builder of {@link CreateThingGroupResponse}. */
    public static final class Builder {
        private String thingGroupName;
        private String thingGroupArn;
        private String thingGroupId;

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
         * @param thingGroupId The thing group's identifier.
         * @return this builder
         */
        public Builder thingGroupId(String thingGroupId) {
            this.thingGroupId = thingGroupId;
            return this;
        }

        /** @return the built value */
        public CreateThingGroupResponse build() {
            return new CreateThingGroupResponse(thingGroupName, thingGroupArn, thingGroupId);
        }
    }
}
