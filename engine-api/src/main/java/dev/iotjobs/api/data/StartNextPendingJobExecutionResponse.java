package dev.iotjobs.api.data;

import dev.iotjobs.api.model.JobExecution;

/**
 * The response of the data-plane operation {@code startNextPendingJobExecution}.
 *
 * @param execution The job execution, absent when there is none.
 */
public record StartNextPendingJobExecutionResponse(
        JobExecution execution) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.execution = execution;
        return b;
    }

    /** Mutable builder of {@link StartNextPendingJobExecutionResponse}. */
    public static final class Builder {
        private JobExecution execution;

        private Builder() {
        }

        /**
         * @param execution The job execution, absent when there is none.
         * @return this builder
         */
        public Builder execution(JobExecution execution) {
            this.execution = execution;
            return this;
        }

        /** @return the built value */
        public StartNextPendingJobExecutionResponse build() {
            return new StartNextPendingJobExecutionResponse(execution);
        }
    }
}
