package dev.iotjobs.api.model;

import java.util.Map;

/**
 * A thing as {@code listThings} lists it.
 *
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingTypeName The thing's type, if it has one.
 * @param thingArn The thing's ARN: {@code arn:aws:iot:{region}:{account}:thing/{thingName}}.
 * @param attributes The thing's attributes.
 * @param version The version of the thing's registry record (SPEC G6).
 */
public record ThingAttribute(
        String thingName,
        String thingTypeName,
        String thingArn,
        Map<String, String> attributes,
        Long version) {
    /** Normalizes absent lists and maps to empty ones. */
    public ThingAttribute {
        attributes = Values.map(attributes);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingName = thingName;
        b.thingTypeName = thingTypeName;
        b.thingArn = thingArn;
        b.attributes = attributes;
        b.version = version;
        return b;
    }

    /** Mutable builder of {@link ThingAttribute}. */
    public static final class Builder {
        private String thingName;
        private String thingTypeName;
        private String thingArn;
        private Map<String, String> attributes;
        private Long version;

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
         * @param thingTypeName The thing's type, if it has one.
         * @return this builder
         */
        public Builder thingTypeName(String thingTypeName) {
            this.thingTypeName = thingTypeName;
            return this;
        }

        /**
         * @param thingArn The thing's ARN: {@code arn:aws:iot:{region}:{account}:thing/{thingName}}.
         * @return this builder
         */
        public Builder thingArn(String thingArn) {
            this.thingArn = thingArn;
            return this;
        }

        /**
         * @param attributes The thing's attributes.
         * @return this builder
         */
        public Builder attributes(Map<String, String> attributes) {
            this.attributes = attributes;
            return this;
        }

        /**
         * @param version The version of the thing's registry record (SPEC G6).
         * @return this builder
         */
        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        /** @return the built value */
        public ThingAttribute build() {
            return new ThingAttribute(thingName, thingTypeName, thingArn, attributes, version);
        }
    }
}
