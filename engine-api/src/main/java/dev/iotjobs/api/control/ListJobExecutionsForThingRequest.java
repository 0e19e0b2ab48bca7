package dev.iotjobs.api.control;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.Values;

/**
 * The request of the control-plane operation {@code listJobExecutionsForThing}.
 *
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param status The status.
 * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
 * @param maxResults The page size, 1..250 (default 100).
 * @param nextToken The opaque token of the next page; absent on the last page.
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 */
public record ListJobExecutionsForThingRequest(
        String thingName,
        JobExecutionStatus status,
        String namespaceId,
        Integer maxResults,
        String nextToken,
        String jobId) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingName = thingName;
        b.status = status;
        b.namespaceId = namespaceId;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        b.jobId = jobId;
        return b;
    }

    /** Mutable builder of {@link ListJobExecutionsForThingRequest}. */
    public static final class Builder {
        private String thingName;
        private JobExecutionStatus status;
        private String namespaceId;
        private Integer maxResults;
        private String nextToken;
        private String jobId;

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
         * @param status The status.
         * @return this builder
         */
        public Builder status(JobExecutionStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param status the AWS name of a {@link JobExecutionStatus} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder status(String status) {
            this.status = Values.enumValue(JobExecutionStatus.class, "status", status);
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
         * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /** @return the built value */
        public ListJobExecutionsForThingRequest build() {
            return new ListJobExecutionsForThingRequest(thingName, status, namespaceId, maxResults, nextToken, jobId);
        }
    }
}
