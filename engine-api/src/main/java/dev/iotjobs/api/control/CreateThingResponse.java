package dev.iotjobs.api.control;

/**
 * The response of the control-plane operation {@code createThing}.
 *
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingArn The thing's ARN.
 * @param thingId The thing's identifier.
 */
public record CreateThingResponse(
        String thingName,
        String thingArn,
        String thingId) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingName = thingName;
        b.thingArn = thingArn;
        b.thingId = thingId;
        return b;
    }

    /** Mutable builder of {@link CreateThingResponse}. */
    public static final class Builder {
        private String thingName;
        private String thingArn;
        private String thingId;

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
         * @param thingArn The thing's ARN.
         * @return this builder
         */
        public Builder thingArn(String thingArn) {
            this.thingArn = thingArn;
            return this;
        }

        /**
         * @param thingId The thing's identifier.
         * @return this builder
         */
        public Builder thingId(String thingId) {
            this.thingId = thingId;
            return this;
        }

        /** @return the built value */
        public CreateThingResponse build() {
            return new CreateThingResponse(thingName, thingArn, thingId);
        }
    }
}
