package dev.iotjobs.api.control;

import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.api.model.Values;
import java.util.List;
import java.util.Map;

/**
 * The request of the control-plane operation {@code createJob}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param targets Thing and thing-group ARNs the job targets (1..100 ARNs).
 * @param documentSource Where the job document lives (resolved by the engine's {@code DocumentSourceResolver}).
 * @param document The job document: a JSON object of at most 32768 UTF-8 bytes.
 * @param description A free-text description (at most 2028 printable characters).
 * @param presignedUrlConfig Pre-signed URL settings, echoed as given.
 * @param targetSelection SNAPSHOT (the default) or CONTINUOUS.
 * @param jobExecutionsRolloutConfig How fast executions roll out.
 * @param abortConfig When to cancel the job because too many executions fail.
 * @param timeoutConfig The in-progress timeout of each execution.
 * @param tags Tags attached to the resource.
 * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
 * @param jobTemplateArn The job template this job was created from, echoed as given.
 * @param jobExecutionsRetryConfig How failed or timed-out executions are retried.
 * @param documentParameters Parameters of a managed template, echoed as given.
 * @param schedulingConfig When the job starts and ends.
 */
public record CreateJobRequest(
        String jobId,
        List<String> targets,
        String documentSource,
        String document,
        String description,
        PresignedUrlConfig presignedUrlConfig,
        TargetSelection targetSelection,
        JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
        AbortConfig abortConfig,
        TimeoutConfig timeoutConfig,
        List<Tag> tags,
        String namespaceId,
        String jobTemplateArn,
        JobExecutionsRetryConfig jobExecutionsRetryConfig,
        Map<String,String> documentParameters,
        SchedulingConfig schedulingConfig) {
    /** Normalizes absent lists and maps to empty ones. */
    public CreateJobRequest {
        targets = Values.list(targets);
        tags = Values.list(tags);
        documentParameters = Values.map(documentParameters);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.targets = targets;
        b.documentSource = documentSource;
        b.document = document;
        b.description = description;
        b.presignedUrlConfig = presignedUrlConfig;
        b.targetSelection = targetSelection;
        b.jobExecutionsRolloutConfig = jobExecutionsRolloutConfig;
        b.abortConfig = abortConfig;
        b.timeoutConfig = timeoutConfig;
        b.tags = tags;
        b.namespaceId = namespaceId;
        b.jobTemplateArn = jobTemplateArn;
        b.jobExecutionsRetryConfig = jobExecutionsRetryConfig;
        b.documentParameters = documentParameters;
        b.schedulingConfig = schedulingConfig;
        return b;
    }

    /** Mutable builder of {@link CreateJobRequest}. */
    public static final class Builder {
        private String jobId;
        private List<String> targets;
        private String documentSource;
        private String document;
        private String description;
        private PresignedUrlConfig presignedUrlConfig;
        private TargetSelection targetSelection;
        private JobExecutionsRolloutConfig jobExecutionsRolloutConfig;
        private AbortConfig abortConfig;
        private TimeoutConfig timeoutConfig;
        private List<Tag> tags;
        private String namespaceId;
        private String jobTemplateArn;
        private JobExecutionsRetryConfig jobExecutionsRetryConfig;
        private Map<String,String> documentParameters;
        private SchedulingConfig schedulingConfig;

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
         * @param targets Thing and thing-group ARNs the job targets (1..100 ARNs).
         * @return this builder
         */
        public Builder targets(List<String> targets) {
            this.targets = targets;
            return this;
        }

        /**
         * @param targets Thing and thing-group ARNs the job targets (1..100 ARNs).
         * @return this builder
         */
        public Builder targets(String... targets) {
            this.targets = targets == null ? null : java.util.Arrays.asList(targets);
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
         * @param targetSelection SNAPSHOT (the default) or CONTINUOUS.
         * @return this builder
         */
        public Builder targetSelection(TargetSelection targetSelection) {
            this.targetSelection = targetSelection;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param targetSelection the AWS name of a {@link TargetSelection} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder targetSelection(String targetSelection) {
            this.targetSelection = Values.enumValue(TargetSelection.class, "targetSelection", targetSelection);
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
         * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
         * @return this builder
         */
        public Builder namespaceId(String namespaceId) {
            this.namespaceId = namespaceId;
            return this;
        }

        /**
         * @param jobTemplateArn The job template this job was created from, echoed as given.
         * @return this builder
         */
        public Builder jobTemplateArn(String jobTemplateArn) {
            this.jobTemplateArn = jobTemplateArn;
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

        /**
         * @param documentParameters Parameters of a managed template, echoed as given.
         * @return this builder
         */
        public Builder documentParameters(Map<String,String> documentParameters) {
            this.documentParameters = documentParameters;
            return this;
        }

        /**
         * @param schedulingConfig When the job starts and ends.
         * @return this builder
         */
        public Builder schedulingConfig(SchedulingConfig schedulingConfig) {
            this.schedulingConfig = schedulingConfig;
            return this;
        }

        /** @return the built value */
        public CreateJobRequest build() {
            return new CreateJobRequest(jobId, targets, documentSource, document, description, presignedUrlConfig, targetSelection, jobExecutionsRolloutConfig, abortConfig, timeoutConfig, tags, namespaceId, jobTemplateArn, jobExecutionsRetryConfig, documentParameters, schedulingConfig);
        }
    }
}
