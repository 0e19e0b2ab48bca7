package dev.iotjobs.api.model;

import java.util.Map;

/**
 * A thing's or group's attributes.
 *
 * @param attributes The attributes.
 * @param merge Whether the attributes are merged into the existing ones.
 */
public record AttributePayload(
        Map<String,String> attributes,
        Boolean merge) {
    /** Normalizes absent lists and maps to empty ones. */
    public AttributePayload {
        attributes = Values.map(attributes);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.attributes = attributes;
        b.merge = merge;
        return b;
    }

    /** Mutable builder of {@link AttributePayload}. */
    public static final class Builder {
        private Map<String,String> attributes;
        private Boolean merge;

        private Builder() {
        }

        /**
         * @param attributes The attributes.
         * @return this builder
         */
        public Builder attributes(Map<String,String> attributes) {
            this.attributes = attributes;
            return this;
        }

        /**
         * @param merge Whether the attributes are merged into the existing ones.
         * @return this builder
         */
        public Builder merge(Boolean merge) {
            this.merge = merge;
            return this;
        }

        /** @return the built value */
        public AttributePayload build() {
            return new AttributePayload(attributes, merge);
        }
    }
}
