package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code deleteJobExecution}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param executionNumber Identifies one execution of a job on a thing; absent means the latest.
 * @param force Whether to act on executions that are IN_PROGRESS as well.
 * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
 */
public record DeleteJobExecutionRequest(
        String jobId,
        String thingName,
        Long executionNumber,
        Boolean force,
        String namespaceId) {
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
        b.force = force;
        b.namespaceId = namespaceId;
        return b;
    }

    /** Mutable builder of {@link DeleteJobExecutionRequest}. */
    public static final class Builder {
        private String jobId;
        private String thingName;
        private Long executionNumber;
        private Boolean force;
        private String namespaceId;

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

        /**
         * @param force Whether to act on executions that are IN_PROGRESS as well.
         * @return this builder
         */
        public Builder force(Boolean force) {
            this.force = force;
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

        /** @return the built value */
        public DeleteJobExecutionRequest build() {
            return new DeleteJobExecutionRequest(jobId, thingName, executionNumber, force, namespaceId);
        }
    }
}
