package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code deleteThing}.
 *
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param expectedVersion The version the caller expects the resource to have; a mismatch is rejected.
 */
public record DeleteThingRequest(
        String thingName,
        Long expectedVersion) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingName = thingName;
        b.expectedVersion = expectedVersion;
        return b;
    }

    /** Mutable builder of {@link DeleteThingRequest}. */
    public static final class Builder {
        private String thingName;
        private Long expectedVersion;

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

        /**
         * @param expectedVersion The version the caller expects the resource to have; a mismatch is rejected.
         * @return this builder
         */
        public Builder expectedVersion(Long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        /** @return the built value */
        public DeleteThingRequest build() {
            return new DeleteThingRequest(thingName, expectedVersion);
        }
    }
}
