package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code cancelJob}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param reasonCode Why the job was canceled: at most 128 characters of {@code [A-Z0-9_]}.
 * @param comment A comment about the change (at most 2028 printable characters).
 * @param force Whether to act on executions that are IN_PROGRESS as well.
 */
public record CancelJobRequest(
        String jobId,
        String reasonCode,
        String comment,
        Boolean force) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.reasonCode = reasonCode;
        b.comment = comment;
        b.force = force;
        return b;
    }

    /** Mutable builder of {@link CancelJobRequest}. */
    public static final class Builder {
        private String jobId;
        private String reasonCode;
        private String comment;
        private Boolean force;

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
         * @param reasonCode Why the job was canceled: at most 128 characters of {@code [A-Z0-9_]}.
         * @return this builder
         */
        public Builder reasonCode(String reasonCode) {
            this.reasonCode = reasonCode;
            return this;
        }

        /**
         * @param comment A comment about the change (at most 2028 printable characters).
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = comment;
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

        /** @return the built value */
        public CancelJobRequest build() {
            return new CancelJobRequest(jobId, reasonCode, comment, force);
        }
    }
}
