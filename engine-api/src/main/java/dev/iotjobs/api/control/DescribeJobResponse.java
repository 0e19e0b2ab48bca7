package dev.iotjobs.api.control;

import dev.iotjobs.api.model.Job;

/**
 * The response of the control-plane operation {@code describeJob}.
 *
 * @param documentSource Where the job document lives (resolved by the engine's {@code DocumentSourceResolver}).
 * @param job The job.
 */
public record DescribeJobResponse(
        String documentSource,
        Job job) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.documentSource = documentSource;
        b.job = job;
        return b;
    }

    /** Mutable builder of {@link DescribeJobResponse}. */
    public static final class Builder {
        private String documentSource;
        private Job job;

        private Builder() {
        }

        /**
         * @param documentSource Where the job document lives (resolved by the engine's {@code DocumentSourceResolver}).
         * @return this builder
         */
        public Builder documentSource(String documentSource) {
            this.documentSource = documentSource;
            return this;
        }

        /**
         * @param job The job.
         * @return this builder
         */
        public Builder job(Job job) {
            this.job = job;
            return this;
        }

        /** @return the built value */
        public DescribeJobResponse build() {
            return new DescribeJobResponse(documentSource, job);
        }
    }
}
