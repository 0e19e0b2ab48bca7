package dev.iotjobs.api.model;

import java.util.Map;

/**
 * The state of an execution, as returned by {@code updateJobExecution}.
 *
 * @param status The status.
 * @param statusDetails Name-value pairs describing the execution's progress (at most 10).
 * @param versionNumber The execution's version, grows by one with every change.
 */
public record JobExecutionState(
        JobExecutionStatus status,
        Map<String,String> statusDetails,
        Long versionNumber) {
    /** Normalizes absent lists and maps to empty ones. */
    public JobExecutionState {
        statusDetails = Values.map(statusDetails);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.statusDetails = statusDetails;
        b.versionNumber = versionNumber;
        return b;
    }

    /** Mutable builder of {@link JobExecutionState}. */
    public static final class Builder {
        private JobExecutionStatus status;
        private Map<String,String> statusDetails;
        private Long versionNumber;

        private Builder() {
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
         * @param versionNumber The execution's version, grows by one with every change.
         * @return this builder
         */
        public Builder versionNumber(Long versionNumber) {
            this.versionNumber = versionNumber;
            return this;
        }

        /** @return the built value */
        public JobExecutionState build() {
            return new JobExecutionState(status, statusDetails, versionNumber);
        }
    }
}
