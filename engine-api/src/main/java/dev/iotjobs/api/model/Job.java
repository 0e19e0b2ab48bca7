package dev.iotjobs.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job, with every configuration echoed as given.
 *
 * @param jobArn The job's ARN: {@code arn:aws:iot:{region}:{account}:job/{jobId}}.
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param targetSelection SNAPSHOT (the default) or CONTINUOUS.
 * @param status The status.
 * @param forceCanceled Whether a forced cancel happened (never null).
 * @param reasonCode Why the job was canceled: at most 128 characters of {@code [A-Z0-9_]}.
 * @param comment A comment about the change (at most 2028 printable characters).
 * @param targets Thing and thing-group ARNs the job targets (1..100 ARNs).
 * @param description A free-text description (at most 2028 printable characters).
 * @param presignedUrlConfig Pre-signed URL settings, echoed as given.
 * @param jobExecutionsRolloutConfig How fast executions roll out.
 * @param abortConfig When to cancel the job because too many executions fail.
 * @param createdAt When it was created.
 * @param lastUpdatedAt When it last changed.
 * @param completedAt When it completed.
 * @param jobProcessDetails The counters of the job's executions by status (never null).
 * @param timeoutConfig The in-progress timeout of each execution.
 * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
 * @param jobTemplateArn The job template this job was created from, echoed as given.
 * @param jobExecutionsRetryConfig How failed or timed-out executions are retried.
 * @param documentParameters Parameters of a managed template, echoed as given.
 * @param isConcurrent Whether the job is still rolling out or canceling.
 * @param schedulingConfig When the job starts and ends.
 */
public record Job(
        String jobArn,
        String jobId,
        TargetSelection targetSelection,
        JobStatus status,
        Boolean forceCanceled,
        String reasonCode,
        String comment,
        List<String> targets,
        String description,
        PresignedUrlConfig presignedUrlConfig,
        JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
        AbortConfig abortConfig,
        Instant createdAt,
        Instant lastUpdatedAt,
        Instant completedAt,
        JobProcessDetails jobProcessDetails,
        TimeoutConfig timeoutConfig,
        String namespaceId,
        String jobTemplateArn,
        JobExecutionsRetryConfig jobExecutionsRetryConfig,
        Map<String,String> documentParameters,
        Boolean isConcurrent,
        SchedulingConfig schedulingConfig) {
    /** Normalizes absent lists and maps to empty ones. */
    public Job {
        forceCanceled = forceCanceled == null ? Boolean.FALSE : forceCanceled;
        targets = Values.list(targets);
        documentParameters = Values.map(documentParameters);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobArn = jobArn;
        b.jobId = jobId;
        b.targetSelection = targetSelection;
        b.status = status;
        b.forceCanceled = forceCanceled;
        b.reasonCode = reasonCode;
        b.comment = comment;
        b.targets = targets;
        b.description = description;
        b.presignedUrlConfig = presignedUrlConfig;
        b.jobExecutionsRolloutConfig = jobExecutionsRolloutConfig;
        b.abortConfig = abortConfig;
        b.createdAt = createdAt;
        b.lastUpdatedAt = lastUpdatedAt;
        b.completedAt = completedAt;
        b.jobProcessDetails = jobProcessDetails;
        b.timeoutConfig = timeoutConfig;
        b.namespaceId = namespaceId;
        b.jobTemplateArn = jobTemplateArn;
        b.jobExecutionsRetryConfig = jobExecutionsRetryConfig;
        b.documentParameters = documentParameters;
        b.isConcurrent = isConcurrent;
        b.schedulingConfig = schedulingConfig;
        return b;
    }

    /** Mutable builder of {@link Job}. */
    public static final class Builder {
        private String jobArn;
        private String jobId;
        private TargetSelection targetSelection;
        private JobStatus status;
        private Boolean forceCanceled;
        private String reasonCode;
        private String comment;
        private List<String> targets;
        private String description;
        private PresignedUrlConfig presignedUrlConfig;
        private JobExecutionsRolloutConfig jobExecutionsRolloutConfig;
        private AbortConfig abortConfig;
        private Instant createdAt;
        private Instant lastUpdatedAt;
        private Instant completedAt;
        private JobProcessDetails jobProcessDetails;
        private TimeoutConfig timeoutConfig;
        private String namespaceId;
        private String jobTemplateArn;
        private JobExecutionsRetryConfig jobExecutionsRetryConfig;
        private Map<String,String> documentParameters;
        private Boolean isConcurrent;
        private SchedulingConfig schedulingConfig;

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
         * @param status The status.
         * @return this builder
         */
        public Builder status(JobStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param status the AWS name of a {@link JobStatus} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder status(String status) {
            this.status = Values.enumValue(JobStatus.class, "status", status);
            return this;
        }

        /**
         * @param forceCanceled Whether a forced cancel happened (never null).
         * @return this builder
         */
        public Builder forceCanceled(Boolean forceCanceled) {
            this.forceCanceled = forceCanceled;
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
         * @param createdAt When it was created.
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * @param lastUpdatedAt When it last changed.
         * @return this builder
         */
        public Builder lastUpdatedAt(Instant lastUpdatedAt) {
            this.lastUpdatedAt = lastUpdatedAt;
            return this;
        }

        /**
         * @param completedAt When it completed.
         * @return this builder
         */
        public Builder completedAt(Instant completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * @param jobProcessDetails The counters of the job's executions by status (never null).
         * @return this builder
         */
        public Builder jobProcessDetails(JobProcessDetails jobProcessDetails) {
            this.jobProcessDetails = jobProcessDetails;
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
         * @param isConcurrent Whether the job is still rolling out or canceling.
         * @return this builder
         */
        public Builder isConcurrent(Boolean isConcurrent) {
            this.isConcurrent = isConcurrent;
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
        public Job build() {
            return new Job(jobArn, jobId, targetSelection, status, forceCanceled, reasonCode, comment, targets, description, presignedUrlConfig, jobExecutionsRolloutConfig, abortConfig, createdAt, lastUpdatedAt, completedAt, jobProcessDetails, timeoutConfig, namespaceId, jobTemplateArn, jobExecutionsRetryConfig, documentParameters, isConcurrent, schedulingConfig);
        }
    }
}
