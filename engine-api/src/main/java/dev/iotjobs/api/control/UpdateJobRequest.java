package dev.iotjobs.api.control;

import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.TimeoutConfig;

/**
 * The request of the control-plane operation {@code updateJob}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param description A free-text description (at most 2028 printable characters).
 * @param presignedUrlConfig Pre-signed URL settings, echoed as given.
 * @param jobExecutionsRolloutConfig How fast executions roll out.
 * @param abortConfig When to cancel the job because too many executions fail.
 * @param timeoutConfig The in-progress timeout of each execution.
 * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
 * @param jobExecutionsRetryConfig How failed or timed-out executions are retried.
 */
public record UpdateJobRequest(
        String jobId,
        String description,
        PresignedUrlConfig presignedUrlConfig,
        JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
        AbortConfig abortConfig,
        TimeoutConfig timeoutConfig,
        String namespaceId,
        JobExecutionsRetryConfig jobExecutionsRetryConfig) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.description = description;
        b.presignedUrlConfig = presignedUrlConfig;
        b.jobExecutionsRolloutConfig = jobExecutionsRolloutConfig;
        b.abortConfig = abortConfig;
        b.timeoutConfig = timeoutConfig;
        b.namespaceId = namespaceId;
        b.jobExecutionsRetryConfig = jobExecutionsRetryConfig;
        return b;
    }

    /** Mutable builder of {@link UpdateJobRequest}. */
    public static final class Builder {
        private String jobId;
        private String description;
        private PresignedUrlConfig presignedUrlConfig;
        private JobExecutionsRolloutConfig jobExecutionsRolloutConfig;
        private AbortConfig abortConfig;
        private TimeoutConfig timeoutConfig;
        private String namespaceId;
        private JobExecutionsRetryConfig jobExecutionsRetryConfig;

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
         * @param description A free-text description (at most 2028 printable characters).
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param presignedUrlConfig Pre-signed URL settings, echoed as given.
         * @return this builder
         */
        public Builder presignedUrlConfig(PresignedUrlConfig presignedUrlConfig) {
            this.presignedUrlConfig = presignedUrlConfig;
            return this;
        }

        /**
         * @param jobExecutionsRolloutConfig How fast executions roll out.
         * @return this builder
         */
        public Builder jobExecutionsRolloutConfig(JobExecutionsRolloutConfig jobExecutionsRolloutConfig) {
            this.jobExecutionsRolloutConfig = jobExecutionsRolloutConfig;
            return this;
        }

        /**
         * @param abortConfig When to cancel the job because too many executions fail.
         * @return this builder
         */
        public Builder abortConfig(AbortConfig abortConfig) {
            this.abortConfig = abortConfig;
            return this;
        }

        /**
         * @param timeoutConfig The in-progress timeout of each execution.
         * @return this builder
         */
        public Builder timeoutConfig(TimeoutConfig timeoutConfig) {
            this.timeoutConfig = timeoutConfig;
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

        /**
         * @param jobExecutionsRetryConfig How failed or timed-out executions are retried.
         * @return this builder
         */
        public Builder jobExecutionsRetryConfig(JobExecutionsRetryConfig jobExecutionsRetryConfig) {
            this.jobExecutionsRetryConfig = jobExecutionsRetryConfig;
            return this;
        }

        /** @return the built value */
        public UpdateJobRequest build() {
            return new UpdateJobRequest(jobId, description, presignedUrlConfig, jobExecutionsRolloutConfig, abortConfig, timeoutConfig, namespaceId, jobExecutionsRetryConfig);
        }
    }
}
