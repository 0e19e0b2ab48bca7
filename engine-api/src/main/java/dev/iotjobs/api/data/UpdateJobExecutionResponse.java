package dev.iotjobs.api.data;

import dev.iotjobs.api.model.JobExecutionState;

/**
 * The response of the data-plane operation {@code updateJobExecution}.
 *
 * @param executionState The execution's state, when {@code includeJobExecutionState} was set.
 * @param jobDocument The job document, when requested.
 */
public record UpdateJobExecutionResponse(
        JobExecutionState executionState,
        String jobDocument) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.executionState = executionState;
        b.jobDocument = jobDocument;
        return b;
    }

    /** Mutable builder of {@link UpdateJobExecutionResponse}. */
    public static final class Builder {
        private JobExecutionState executionState;
        private String jobDocument;

        private Builder() {
        }

        /**
         * @param executionState The execution's state, when {@code includeJobExecutionState} was set.
         * @return this builder
         */
        public Builder executionState(JobExecutionState executionState) {
            this.executionState = executionState;
            return this;
        }

        /**
         * @param jobDocument The job document, when requested.
         * @return this builder
         */
        public Builder jobDocument(String jobDocument) {
            this.jobDocument = jobDocument;
            return this;
        }

        /** @return the built value */
        public UpdateJobExecutionResponse build() {
            return new UpdateJobExecutionResponse(executionState, jobDocument);
        }
    }
}
