package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code deleteThingGroup}.
 *
 * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param expectedVersion The version the caller expects the resource to have; a mismatch is rejected.
 */
public record DeleteThingGroupRequest(
        String thingGroupName,
        Long expectedVersion) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingGroupName = thingGroupName;
        b.expectedVersion = expectedVersion;
        return b;
    }

    /** Mutable builder of {@link DeleteThingGroupRequest}. */
    public static final class Builder {
        private String thingGroupName;
        private Long expectedVersion;

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
         * @param expectedVersion The version the caller expects the resource to have; a mismatch is rejected.
         * @return this builder
         */
        public Builder expectedVersion(Long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        /** @return the built value */
        public DeleteThingGroupRequest build() {
            return new DeleteThingGroupRequest(thingGroupName, expectedVersion);
        }
    }
}
