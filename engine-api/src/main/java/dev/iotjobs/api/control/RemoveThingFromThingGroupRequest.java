package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code removeThingFromThingGroup}.
 *
 * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingGroupArn The thing group's ARN.
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingArn The thing's ARN.
 */
public record RemoveThingFromThingGroupRequest(
        String thingGroupName,
        String thingGroupArn,
        String thingName,
        String thingArn) {
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
        return b;
    }

    /** Mutable builder of {@link RemoveThingFromThingGroupRequest}. */
    public static final class Builder {
        private String thingGroupName;
        private String thingGroupArn;
        private String thingName;
        private String thingArn;

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

        /** @return the built value */
        public RemoveThingFromThingGroupRequest build() {
            return new RemoveThingFromThingGroupRequest(thingGroupName, thingGroupArn, thingName, thingArn);
        }
    }
}
