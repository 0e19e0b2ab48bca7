package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code describeJobExecution}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param executionNumber Identifies one execution of a job on a thing; absent means the latest.
 */
public record DescribeJobExecutionRequest(
        String jobId,
        String thingName,
        Long executionNumber) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.thingName = thingName;
        b.executionNumber = executionNumber;
        return b;
    }

    /** Mutable builder of {@link DescribeJobExecutionRequest}. */
    public static final class Builder {
        private String jobId;
        private String thingName;
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
         * @param executionNumber Identifies one execution of a job on a thing; absent means the latest.
         * @return this builder
         */
        public Builder executionNumber(Long executionNumber) {
            this.executionNumber = executionNumber;
            return this;
        }

        /** @return the built value */
        public DescribeJobExecutionRequest build() {
            return new DescribeJobExecutionRequest(jobId, thingName, executionNumber);
        }
    }
}
