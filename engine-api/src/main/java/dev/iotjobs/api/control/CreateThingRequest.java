package dev.iotjobs.api.control;

import dev.iotjobs.api.model.AttributePayload;

/**
 * The request of the control-plane operation {@code createThing}.
 *
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingTypeName The thing type (echoed; types are not modelled).
 * @param attributePayload The thing's attributes.
 * @param billingGroupName The billing group (echoed; billing groups are not modelled).
 */
public record CreateThingRequest(
        String thingName,
        String thingTypeName,
        AttributePayload attributePayload,
        String billingGroupName) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingName = thingName;
        b.thingTypeName = thingTypeName;
        b.attributePayload = attributePayload;
        b.billingGroupName = billingGroupName;
        return b;
    }

    /** Mutable builder of {@link CreateThingRequest}. */
    public static final class Builder {
        private String thingName;
        private String thingTypeName;
        private AttributePayload attributePayload;
        private String billingGroupName;

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
         * @param thingTypeName The thing type (echoed; types are not modelled).
         * @return this builder
         */
        public Builder thingTypeName(String thingTypeName) {
            this.thingTypeName = thingTypeName;
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

        /**
         * @param billingGroupName The billing group (echoed; billing groups are not modelled).
         * @return this builder
         */
        public Builder billingGroupName(String billingGroupName) {
            this.billingGroupName = billingGroupName;
            return this;
        }

        /** @return the built value */
        public CreateThingRequest build() {
            return new CreateThingRequest(thingName, thingTypeName, attributePayload, billingGroupName);
        }
    }
}
