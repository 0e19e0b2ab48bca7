package dev.iotjobs.api.control;

import dev.iotjobs.api.model.DynamicGroupStatus;
import dev.iotjobs.api.model.ThingGroupMetadata;
import dev.iotjobs.api.model.ThingGroupProperties;
import dev.iotjobs.api.model.Values;

/**
 * The response of the control-plane operation {@code describeThingGroup}.
 *
 * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingGroupId The thing group's identifier.
 * @param thingGroupArn The thing group's ARN.
 * @param version The version of the group's registry record: 1 at creation.
 * @param thingGroupProperties The group's description and attributes.
 * @param thingGroupMetadata The group's parent, ancestors and creation date.
 * @param indexName The dynamic group's index (absent: the engine's groups are static).
 * @param queryString The dynamic group's query (absent: the engine's groups are static).
 * @param queryVersion The dynamic group's query version (absent: the engine's groups are static).
 * @param status The dynamic group's status (absent: the engine's groups are static).
 */
public record DescribeThingGroupResponse(
        String thingGroupName,
        String thingGroupId,
        String thingGroupArn,
        Long version,
        ThingGroupProperties thingGroupProperties,
        ThingGroupMetadata thingGroupMetadata,
        String indexName,
        String queryString,
        String queryVersion,
        DynamicGroupStatus status) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingGroupName = thingGroupName;
        b.thingGroupId = thingGroupId;
        b.thingGroupArn = thingGroupArn;
        b.version = version;
        b.thingGroupProperties = thingGroupProperties;
        b.thingGroupMetadata = thingGroupMetadata;
        b.indexName = indexName;
        b.queryString = queryString;
        b.queryVersion = queryVersion;
        b.status = status;
        return b;
    }

    /** Mutable builder of {@link DescribeThingGroupResponse}. */
    public static final class Builder {
        private String thingGroupName;
        private String thingGroupId;
        private String thingGroupArn;
        private Long version;
        private ThingGroupProperties thingGroupProperties;
        private ThingGroupMetadata thingGroupMetadata;
        private String indexName;
        private String queryString;
        private String queryVersion;
        private DynamicGroupStatus status;

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
         * @param thingGroupId The thing group's identifier.
         * @return this builder
         */
        public Builder thingGroupId(String thingGroupId) {
            this.thingGroupId = thingGroupId;
            return this;
        }

        /**
         * @param thingGroupArn The thing group's ARN.
         * @return this builder
         */
        public Builder thingGroupArn(String thingGroupArn) {
            this.thingGroupArn = thingGroupArn;
            return this;
        }

        /**
         * @param version The version of the group's registry record: 1 at creation.
         * @return this builder
         */
        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        /**
         * @param thingGroupProperties The group's description and attributes.
         * @return this builder
         */
        public Builder thingGroupProperties(ThingGroupProperties thingGroupProperties) {
            this.thingGroupProperties = thingGroupProperties;
            return this;
        }

        /**
         * @param thingGroupMetadata The group's parent, ancestors and creation date.
         * @return this builder
         */
        public Builder thingGroupMetadata(ThingGroupMetadata thingGroupMetadata) {
            this.thingGroupMetadata = thingGroupMetadata;
            return this;
        }

        /**
         * @param indexName The dynamic group's index (absent: the engine's groups are static).
         * @return this builder
         */
        public Builder indexName(String indexName) {
            this.indexName = indexName;
            return this;
        }

        /**
         * @param queryString The dynamic group's query (absent: the engine's groups are static).
         * @return this builder
         */
        public Builder queryString(String queryString) {
            this.queryString = queryString;
            return this;
        }

        /**
         * @param queryVersion The dynamic group's query version (absent: the engine's groups are static).
         * @return this builder
         */
        public Builder queryVersion(String queryVersion) {
            this.queryVersion = queryVersion;
            return this;
        }

        /**
         * @param status The dynamic group's status (absent: the engine's groups are static).
         * @return this builder
         */
        public Builder status(DynamicGroupStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param status the AWS name of a {@link DynamicGroupStatus} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder status(String status) {
            this.status = Values.enumValue(DynamicGroupStatus.class, "status", status);
            return this;
        }

        /** @return the built value */
        public DescribeThingGroupResponse build() {
            return new DescribeThingGroupResponse(thingGroupName, thingGroupId, thingGroupArn, version, thingGroupProperties, thingGroupMetadata, indexName, queryString, queryVersion, status);
        }
    }
}
