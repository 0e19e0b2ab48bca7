package dev.iotjobs.api.control;

import dev.iotjobs.api.model.Values;
import java.util.Map;

/**
 * The request of the control-plane operation {@code cancelJobExecution}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param force Whether to act on executions that are IN_PROGRESS as well.
 * @param expectedVersion The version the caller expects the resource to have; a mismatch is rejected.
 * @param statusDetails Name-value pairs describing the execution's progress (at most 10).
 */
public record CancelJobExecutionRequest(
        String jobId,
        String thingName,
        Boolean force,
        Long expectedVersion,
        Map<String,String> statusDetails) {
    /** Normalizes absent lists and maps to empty ones. */
    public CancelJobExecutionRequest {
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
        b.force = force;
        b.expectedVersion = expectedVersion;
        b.statusDetails = statusDetails;
        return b;
    }

    /** Mutable builder of {@link CancelJobExecutionRequest}. */
    public static final class Builder {
        private String jobId;
        private String thingName;
        private Boolean force;
        private Long expectedVersion;
        private Map<String,String> statusDetails;

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
         * @param force Whether to act on executions that are IN_PROGRESS as well.
         * @return this builder
         */
        public Builder force(Boolean force) {
            this.force = force;
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
         * @param statusDetails Name-value pairs describing the execution's progress (at most 10).
         * @return this builder
         */
        public Builder statusDetails(Map<String,String> statusDetails) {
            this.statusDetails = statusDetails;
            return this;
        }

        /** @return the built value */
        public CancelJobExecutionRequest build() {
            return new CancelJobExecutionRequest(jobId, thingName, force, expectedVersion, statusDetails);
        }
    }
}
