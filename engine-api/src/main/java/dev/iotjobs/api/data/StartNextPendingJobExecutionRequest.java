package dev.iotjobs.api.data;

import dev.iotjobs.api.model.Values;
import java.util.Map;

/**
 * The request of the data-plane operation {@code startNextPendingJobExecution}.
 *
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param statusDetails Name-value pairs describing the execution's progress (at most 10).
 * @param stepTimeoutInMinutes A step timer in minutes from now (1..10080; -1 on update removes the step timer).
 */
public record StartNextPendingJobExecutionRequest(
        String thingName,
        Map<String,String> statusDetails,
        Long stepTimeoutInMinutes) {
    /** Normalizes absent lists and maps to empty ones. */
    public StartNextPendingJobExecutionRequest {
        statusDetails = Values.map(statusDetails);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingName = thingName;
        b.statusDetails = statusDetails;
        b.stepTimeoutInMinutes = stepTimeoutInMinutes;
        return b;
    }

    /** Mutable builder of {@link StartNextPendingJobExecutionRequest}. */
    public static final class Builder {
        private String thingName;
        private Map<String,String> statusDetails;
        private Long stepTimeoutInMinutes;

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

        /** @return the built value */
        public StartNextPendingJobExecutionRequest build() {
            return new StartNextPendingJobExecutionRequest(thingName, statusDetails, stepTimeoutInMinutes);
        }
    }
}
