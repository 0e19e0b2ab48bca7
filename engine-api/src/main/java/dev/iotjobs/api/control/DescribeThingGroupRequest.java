package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code describeThingGroup}.
 *
 * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 */
public record DescribeThingGroupRequest(
        String thingGroupName) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingGroupName = thingGroupName;
        return b;
    }

    /** Mutable builder of {@link DescribeThingGroupRequest}. */
    public static final class Builder {
        private String thingGroupName;

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

        /** @return the built value */
        public DescribeThingGroupRequest build() {
            return new DescribeThingGroupRequest(thingGroupName);
        }
    }
}
