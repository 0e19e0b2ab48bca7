package dev.iotjobs.api.control;

import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.TimeoutConfig;
import java.time.Instant;

/**
 * The response of the control-plane operation {@code describeJobTemplate}: the template as created.
 *
 * @param jobTemplateArn The job template's ARN: {@code arn:aws:iot:{region}:{account}:jobtemplate/{jobTemplateId}}.
 * @param jobTemplateId The job template's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param description A free-text description (at most 2028 printable characters).
 * @param documentSource Where the job document lives (resolved by the engine's {@code DocumentSourceResolver}).
 * @param document The job document: a JSON object of at most 32768 UTF-8 bytes.
 * @param createdAt When it was created.
 * @param presignedUrlConfig Pre-signed URL settings, echoed as given.
 * @param jobExecutionsRolloutConfig How fast executions roll out.
 * @param abortConfig When to cancel the job because too many executions fail.
 * @param timeoutConfig The in-progress timeout of each execution.
 * @param jobExecutionsRetryConfig How failed or timed-out executions are retried.
 */
public record DescribeJobTemplateResponse(
        String jobTemplateArn,
        String jobTemplateId,
        String description,
        String documentSource,
        String document,
        Instant createdAt,
        PresignedUrlConfig presignedUrlConfig,
        JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
        AbortConfig abortConfig,
        TimeoutConfig timeoutConfig,
        JobExecutionsRetryConfig jobExecutionsRetryConfig) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobTemplateArn = jobTemplateArn;
        b.jobTemplateId = jobTemplateId;
        b.description = description;
        b.documentSource = documentSource;
        b.document = document;
        b.createdAt = createdAt;
        b.presignedUrlConfig = presignedUrlConfig;
        b.jobExecutionsRolloutConfig = jobExecutionsRolloutConfig;
        b.abortConfig = abortConfig;
        b.timeoutConfig = timeoutConfig;
        b.jobExecutionsRetryConfig = jobExecutionsRetryConfig;
        return b;
    }

    /** Mutable builder of {@link DescribeJobTemplateResponse}. */
    public static final class Builder {
        private String jobTemplateArn;
        private String jobTemplateId;
        private String description;
        private String documentSource;
        private String document;
        private Instant createdAt;
        private PresignedUrlConfig presignedUrlConfig;
        private JobExecutionsRolloutConfig jobExecutionsRolloutConfig;
        private AbortConfig abortConfig;
        private TimeoutConfig timeoutConfig;
        private JobExecutionsRetryConfig jobExecutionsRetryConfig;

        private Builder() {
        }

        /**
         * @param jobTemplateArn The job template's ARN: {@code arn:aws:iot:{region}:{account}:jobtemplate/{jobTemplateId}}.
         * @return this builder
         */
        public Builder jobTemplateArn(String jobTemplateArn) {
            this.jobTemplateArn = jobTemplateArn;
            return this;
        }

        /**
         * @param jobTemplateId The job template's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
         * @return this builder
         */
        public Builder jobTemplateId(String jobTemplateId) {
            this.jobTemplateId = jobTemplateId;
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
         * @param documentSource Where the job document lives (resolved by the engine's {@code DocumentSourceResolver}).
         * @return this builder
         */
        public Builder documentSource(String documentSource) {
            this.documentSource = documentSource;
            return this;
        }

        /**
         * @param document The job document: a JSON object of at most 32768 UTF-8 bytes.
         * @return this builder
         */
        public Builder document(String document) {
            this.document = document;
            return this;
        }

        /**
         * @param createdAt When it was created.
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
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
         * @param jobExecutionsRetryConfig How failed or timed-out executions are retried.
         * @return this builder
         */
        public Builder jobExecutionsRetryConfig(JobExecutionsRetryConfig jobExecutionsRetryConfig) {
            this.jobExecutionsRetryConfig = jobExecutionsRetryConfig;
            return this;
        }

        /** @return the built value */
        public DescribeJobTemplateResponse build() {
            return new DescribeJobTemplateResponse(jobTemplateArn, jobTemplateId, description, documentSource, document, createdAt, presignedUrlConfig, jobExecutionsRolloutConfig, abortConfig, timeoutConfig, jobExecutionsRetryConfig);
        }
    }
}
