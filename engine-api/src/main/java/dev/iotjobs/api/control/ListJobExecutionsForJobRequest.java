package dev.iotjobs.api.control;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.Values;

/**
 * The request of the control-plane operation {@code listJobExecutionsForJob}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param status The status.
 * @param maxResults The page size, 1..250 (default 100).
 * @param nextToken The opaque token of the next page; absent on the last page.
 */
public record ListJobExecutionsForJobRequest(
        String jobId,
        JobExecutionStatus status,
        Integer maxResults,
        String nextToken) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.status = status;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        return b;
    }

    /** Mutable builder of {@link ListJobExecutionsForJobRequest}. */
    public static final class Builder {
        private String jobId;
        private JobExecutionStatus status;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
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

        /** @return the built value */
        public ListJobExecutionsForJobRequest build() {
            return new ListJobExecutionsForJobRequest(jobId, status, maxResults, nextToken);
        }
    }
}
