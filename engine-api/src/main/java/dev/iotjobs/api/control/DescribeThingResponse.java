package dev.iotjobs.api.control;

import dev.iotjobs.api.model.Values;
import java.util.Map;

/**
 * The response of the control-plane operation {@code describeThing}.
 *
 * @param defaultClientId The default MQTT client id: the thing's name, as AWS answers.
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingId The thing's identifier.
 * @param thingArn The thing's ARN: {@code arn:aws:iot:{region}:{account}:thing/{thingName}}.
 * @param thingTypeName The thing's type, if it has one.
 * @param attributes The thing's attributes.
 * @param version The version of the thing's registry record: 1 at creation (SPEC G6).
 * @param billingGroupName The billing group the thing belongs to (never set here: the engine has no billing groups).
 */
public record DescribeThingResponse(
        String defaultClientId,
        String thingName,
        String thingId,
        String thingArn,
        String thingTypeName,
        Map<String, String> attributes,
        Long version,
        String billingGroupName) {
    /** Normalizes absent lists and maps to empty ones. */
    public DescribeThingResponse {
        attributes = Values.map(attributes);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.defaultClientId = defaultClientId;
        b.thingName = thingName;
        b.thingId = thingId;
        b.thingArn = thingArn;
        b.thingTypeName = thingTypeName;
        b.attributes = attributes;
        b.version = version;
        b.billingGroupName = billingGroupName;
        return b;
    }

    /** Mutable builder of {@link DescribeThingResponse}. */
    public static final class Builder {
        private String defaultClientId;
        private String thingName;
        private String thingId;
        private String thingArn;
        private String thingTypeName;
        private Map<String, String> attributes;
        private Long version;
        private String billingGroupName;

        private Builder() {
        }

        /**
         * @param defaultClientId The default MQTT client id: the thing's name, as AWS answers.
         * @return this builder
         */
        public Builder defaultClientId(String defaultClientId) {
            this.defaultClientId = defaultClientId;
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
         * @param thingId The thing's identifier.
         * @return this builder
         */
        public Builder thingId(String thingId) {
            this.thingId = thingId;
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
         * @param thingTypeName The thing's type, if it has one.
         * @return this builder
         */
        public Builder thingTypeName(String thingTypeName) {
            this.thingTypeName = thingTypeName;
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
         * @param version The version of the thing's registry record: 1 at creation (SPEC G6).
         * @return this builder
         */
        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        /**
         * @param billingGroupName The billing group the thing belongs to (never set here: the engine has no billing groups).
         * @return this builder
         */
        public Builder billingGroupName(String billingGroupName) {
            this.billingGroupName = billingGroupName;
            return this;
        }

        /** @return the built value */
        public DescribeThingResponse build() {
            return new DescribeThingResponse(defaultClientId, thingName, thingId, thingArn, thingTypeName, attributes, version, billingGroupName);
        }
    }
}
