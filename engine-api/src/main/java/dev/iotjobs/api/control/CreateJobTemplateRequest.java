package dev.iotjobs.api.control;

import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The request of the control-plane operation {@code createJobTemplate} (SPEC J14).
 *
 * @param jobTemplateId The job template's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param jobArn The ARN of an existing job of this engine to copy the document and configurations from.
 * @param documentSource Where the job document lives (resolved by the engine's {@code DocumentSourceResolver}).
 * @param document The job document: a JSON object of at most 32768 UTF-8 bytes.
 * @param description A free-text description (at most 2028 printable characters).
 * @param presignedUrlConfig Pre-signed URL settings, echoed as given.
 * @param jobExecutionsRolloutConfig How fast executions roll out.
 * @param abortConfig When to cancel the job because too many executions fail.
 * @param timeoutConfig The in-progress timeout of each execution.
 * @param tags Tags attached to the resource.
 * @param jobExecutionsRetryConfig How failed or timed-out executions are retried.
 */
public record CreateJobTemplateRequest(
        String jobTemplateId,
        String jobArn,
        String documentSource,
        String document,
        String description,
        PresignedUrlConfig presignedUrlConfig,
        JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
        AbortConfig abortConfig,
        TimeoutConfig timeoutConfig,
        List<Tag> tags,
        JobExecutionsRetryConfig jobExecutionsRetryConfig) {
    /** Normalizes absent lists and maps to empty ones. */
    public CreateJobTemplateRequest {
        tags = Values.list(tags);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobTemplateId = jobTemplateId;
        b.jobArn = jobArn;
        b.documentSource = documentSource;
        b.document = document;
        b.description = description;
        b.presignedUrlConfig = presignedUrlConfig;
        b.jobExecutionsRolloutConfig = jobExecutionsRolloutConfig;
        b.abortConfig = abortConfig;
        b.timeoutConfig = timeoutConfig;
        b.tags = tags;
        b.jobExecutionsRetryConfig = jobExecutionsRetryConfig;
        return b;
    }

    /** Mutable builder of {@link CreateJobTemplateRequest}. */
    public static final class Builder {
        private String jobTemplateId;
        private String jobArn;
        private String documentSource;
        private String document;
        private String description;
        private PresignedUrlConfig presignedUrlConfig;
        private JobExecutionsRolloutConfig jobExecutionsRolloutConfig;
        private AbortConfig abortConfig;
        private TimeoutConfig timeoutConfig;
        private List<Tag> tags;
        private JobExecutionsRetryConfig jobExecutionsRetryConfig;

        private Builder() {
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
         * @param jobArn The ARN of an existing job of this engine to copy the document and configurations from.
         * @return this builder
         */
        public Builder jobArn(String jobArn) {
            this.jobArn = jobArn;
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
         * @param tags Tags attached to the resource.
         * @return this builder
         */
        public Builder tags(List<Tag> tags) {
            this.tags = tags;
            return this;
        }

        /**
         * @param tags Tags attached to the resource.
         * @return this builder
         */
        public Builder tags(Tag... tags) {
            this.tags = tags == null ? null : java.util.Arrays.asList(tags);
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
        public CreateJobTemplateRequest build() {
            return new CreateJobTemplateRequest(jobTemplateId, jobArn, documentSource, document, description, presignedUrlConfig, jobExecutionsRolloutConfig, abortConfig, timeoutConfig, tags, jobExecutionsRetryConfig);
        }
    }
}
