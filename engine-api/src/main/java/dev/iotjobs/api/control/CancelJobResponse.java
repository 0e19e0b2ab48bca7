package dev.iotjobs.api.control;

/**
 * The response of the control-plane operation {@code cancelJob}.
 *
 * @param jobArn The job's ARN: {@code arn:aws:iot:{region}:{account}:job/{jobId}}.
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param description A free-text description (at most 2028 printable characters).
 */
public record CancelJobResponse(
        String jobArn,
        String jobId,
        String description) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobArn = jobArn;
        b.jobId = jobId;
        b.description = description;
        return b;
    }

    /** Mutable builder of {@link CancelJobResponse}. */
    public static final class Builder {
        private String jobArn;
        private String jobId;
        private String description;

        private Builder() {
        }

        /**
         * @param jobArn The job's ARN: {@code arn:aws:iot:{region}:{account}:job/{jobId}}.
         * @return this builder
         */
        public Builder jobArn(String jobArn) {
            this.jobArn = jobArn;
            return this;
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
         * @param description A free-text description (at most 2028 printable characters).
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @return the built value */
        public CancelJobResponse build() {
            return new CancelJobResponse(jobArn, jobId, description);
        }
    }
}
