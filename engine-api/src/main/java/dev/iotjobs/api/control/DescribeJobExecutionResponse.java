package dev.iotjobs.api.control;

import dev.iotjobs.api.model.JobExecution;

/**
 * The response of the control-plane operation {@code describeJobExecution}.
 *
 * @param execution The job execution, absent when there is none.
 */
public record DescribeJobExecutionResponse(
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

    /** Mutable builder of {@link DescribeJobExecutionResponse}. */
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
        public DescribeJobExecutionResponse build() {
            return new DescribeJobExecutionResponse(execution);
        }
    }
}
