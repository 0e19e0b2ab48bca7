package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code describeThing}.
 *
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 */
public record DescribeThingRequest(
        String thingName) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingName = thingName;
        return b;
    }

    /** Mutable builder of {@link DescribeThingRequest}. */
    public static final class Builder {
        private String thingName;

        private Builder() {
        }

        /**
         * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
         * @return this builder
         */
        public Builder thingName(String thingName) {
            this.thingName = thingName;
            return this;
        }

        /** @return the built value */
        public DescribeThingRequest build() {
            return new DescribeThingRequest(thingName);
        }
    }
}
