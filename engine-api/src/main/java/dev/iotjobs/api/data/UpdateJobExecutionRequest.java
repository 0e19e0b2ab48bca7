package dev.iotjobs.api.data;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.Values;
import java.util.Map;

/**
 * The request of the data-plane operation {@code updateJobExecution}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param status The status.
 * @param statusDetails Name-value pairs describing the execution's progress (at most 10).
 * @param stepTimeoutInMinutes A step timer in minutes from now (1..10080; -1 on update removes the step timer).
 * @param expectedVersion The version the caller expects the resource to have; a mismatch is rejected.
 * @param includeJobExecutionState Whether to return the execution's state.
 * @param includeJobDocument Whether to return the job document.
 * @param executionNumber Identifies one execution of a job on a thing; absent means the latest.
 */
public record UpdateJobExecutionRequest(
        String jobId,
        String thingName,
        JobExecutionStatus status,
        Map<String,String> statusDetails,
        Long stepTimeoutInMinutes,
        Long expectedVersion,
        Boolean includeJobExecutionState,
        Boolean includeJobDocument,
        Long executionNumber) {
    /** Normalizes absent lists and maps to empty ones. */
    public UpdateJobExecutionRequest {
        statusDetails = Values.map(statusDetails);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.thingName = thingName;
        b.status = status;
        b.statusDetails = statusDetails;
        b.stepTimeoutInMinutes = stepTimeoutInMinutes;
        b.expectedVersion = expectedVersion;
        b.includeJobExecutionState = includeJobExecutionState;
        b.includeJobDocument = includeJobDocument;
        b.executionNumber = executionNumber;
        return b;
    }

    /** Mutable builder of {@link UpdateJobExecutionRequest}. */
    public static final class Builder {
        private String jobId;
        private String thingName;
        private JobExecutionStatus status;
        private Map<String,String> statusDetails;
        private Long stepTimeoutInMinutes;
        private Long expectedVersion;
        private Boolean includeJobExecutionState;
        private Boolean includeJobDocument;
        private Long executionNumber;

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
         * @param statusDetails Name-value pairs describing the execution's progress (at most 10).
         * @return this builder
         */
        public Builder statusDetails(Map<String,String> statusDetails) {
            this.statusDetails = statusDetails;
            return this;
        }

        /**
         * @param stepTimeoutInMinutes A step timer in minutes from now (1..10080; -1 on update removes the step timer).
         * @return this builder
         */
        public Builder stepTimeoutInMinutes(Long stepTimeoutInMinutes) {
            this.stepTimeoutInMinutes = stepTimeoutInMinutes;
            return this;
        }

        /**
         * @param expectedVersion The version the caller expects the resource to have; a mismatch is rejected.
         * @return this builder
         */
        public Builder expectedVersion(Long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        /**
         * @param includeJobExecutionState Whether to return the execution's state.
         * @return this builder
         */
        public Builder includeJobExecutionState(Boolean includeJobExecutionState) {
            this.includeJobExecutionState = includeJobExecutionState;
            return this;
        }

        /**
         * @param includeJobDocument Whether to return the job document.
         * @return this builder
         */
        public Builder includeJobDocument(Boolean includeJobDocument) {
            this.includeJobDocument = includeJobDocument;
            return this;
        }

        /**
         * @param executionNumber Identifies one execution of a job on a thing; absent means the latest.
         * @return this builder
         */
        public Builder executionNumber(Long executionNumber) {
            this.executionNumber = executionNumber;
            return this;
        }

        /** @return the built value */
        public UpdateJobExecutionRequest build() {
            return new UpdateJobExecutionRequest(jobId, thingName, status, statusDetails, stepTimeoutInMinutes, expectedVersion, includeJobExecutionState, includeJobDocument, executionNumber);
        }
    }
}
