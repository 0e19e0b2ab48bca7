package dev.iotjobs.api.model;

/**
 * A thing group's description and attributes.
 *
 * @param thingGroupDescription The group's description.
 * @param attributePayload The thing's attributes.
 */
public record ThingGroupProperties(
        String thingGroupDescription,
        AttributePayload attributePayload) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingGroupDescription = thingGroupDescription;
        b.attributePayload = attributePayload;
        return b;
    }

    /** Mutable builder of {@link ThingGroupProperties}. */
    public static final class Builder {
        private String thingGroupDescription;
        private AttributePayload attributePayload;

        private Builder() {
        }

        /**
         * @param thingGroupDescription The group's description.
         * @return this builder
         */
        public Builder thingGroupDescription(String thingGroupDescription) {
            this.thingGroupDescription = thingGroupDescription;
            return this;
        }

        /**
         * @param attributePayload The thing's attributes.
         * @return this builder
         */
        public Builder attributePayload(AttributePayload attributePayload) {
            this.attributePayload = attributePayload;
            return this;
        }

        /** @return the built value */
        public ThingGroupProperties build() {
            return new ThingGroupProperties(thingGroupDescription, attributePayload);
        }
    }
}
