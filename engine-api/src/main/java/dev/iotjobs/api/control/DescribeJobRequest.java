package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code describeJob}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param beforeSubstitution Accepted as AWS does; the response holds no document, so it changes nothing (SPEC J15).
 */
public record DescribeJobRequest(
        String jobId,
        Boolean beforeSubstitution) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.beforeSubstitution = beforeSubstitution;
        return b;
    }

    /** Mutable builder of {@link DescribeJobRequest}. */
    public static final class Builder {
        private String jobId;
        private Boolean beforeSubstitution;

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
         * @param beforeSubstitution Accepted as AWS does; the response holds no document, so it changes nothing (SPEC J15).
         * @return this builder
         */
        public Builder beforeSubstitution(Boolean beforeSubstitution) {
            this.beforeSubstitution = beforeSubstitution;
            return this;
        }

        /** @return the built value */
        public DescribeJobRequest build() {
            return new DescribeJobRequest(jobId, beforeSubstitution);
        }
    }
}
