package dev.iotjobs.api.control;

import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.Values;

/**
 * The request of the control-plane operation {@code listJobs}.
 *
 * @param status The status.
 * @param targetSelection SNAPSHOT (the default) or CONTINUOUS.
 * @param maxResults The page size, 1..250 (default 100).
 * @param nextToken The opaque token of the next page; absent on the last page.
 * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingGroupId The thing group's identifier.
 * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
 */
public record ListJobsRequest(
        JobStatus status,
        TargetSelection targetSelection,
        Integer maxResults,
        String nextToken,
        String thingGroupName,
        String thingGroupId,
        String namespaceId) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.targetSelection = targetSelection;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        b.thingGroupName = thingGroupName;
        b.thingGroupId = thingGroupId;
        b.namespaceId = namespaceId;
        return b;
    }

    /** Mutable builder of {@link ListJobsRequest}. */
    public static final class Builder {
        private JobStatus status;
        private TargetSelection targetSelection;
        private Integer maxResults;
        private String nextToken;
        private String thingGroupName;
        private String thingGroupId;
        private String namespaceId;

        private Builder() {
        }

        /**
         * @param status The status.
         * @return this builder
         */
        public Builder status(JobStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param status the AWS name of a {@link JobStatus} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder status(String status) {
            this.status = Values.enumValue(JobStatus.class, "status", status);
            return this;
        }

        /**
         * @param targetSelection SNAPSHOT (the default) or CONTINUOUS.
         * @return this builder
         */
        public Builder targetSelection(TargetSelection targetSelection) {
            this.targetSelection = targetSelection;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param targetSelection the AWS name of a {@link TargetSelection} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder targetSelection(String targetSelection) {
            this.targetSelection = Values.enumValue(TargetSelection.class, "targetSelection", targetSelection);
            return this;
        }

        /**
         * @param maxResults The page size, 1..250 (default 100).
         * @return this builder
         */
        public Builder maxResults(Integer maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        /**
         * @param nextToken The opaque token of the next page; absent on the last page.
         * @return this builder
         */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
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
         * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
         * @return this builder
         */
        public Builder namespaceId(String namespaceId) {
            this.namespaceId = namespaceId;
            return this;
        }

        /** @return the built value */
        public ListJobsRequest build() {
            return new ListJobsRequest(status, targetSelection, maxResults, nextToken, thingGroupName, thingGroupId, namespaceId);
        }
    }
}
