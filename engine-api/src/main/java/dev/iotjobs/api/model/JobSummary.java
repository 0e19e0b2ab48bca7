package dev.iotjobs.api.model;

import java.time.Instant;

/**
 * A job as listed by {@code listJobs}.
 *
 * @param jobArn The job's ARN: {@code arn:aws:iot:{region}:{account}:job/{jobId}}.
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param thingGroupId The thing group's identifier.
 * @param targetSelection SNAPSHOT (the default) or CONTINUOUS.
 * @param status The status.
 * @param createdAt When it was created.
 * @param lastUpdatedAt When it last changed.
 * @param completedAt When it completed.
 * @param isConcurrent Whether the job is still rolling out or canceling.
 */
public record JobSummary(
        String jobArn,
        String jobId,
        String thingGroupId,
        TargetSelection targetSelection,
        JobStatus status,
        Instant createdAt,
        Instant lastUpdatedAt,
        Instant completedAt,
        Boolean isConcurrent) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobArn = jobArn;
        b.jobId = jobId;
        b.thingGroupId = thingGroupId;
        b.targetSelection = targetSelection;
        b.status = status;
        b.createdAt = createdAt;
        b.lastUpdatedAt = lastUpdatedAt;
        b.completedAt = completedAt;
        b.isConcurrent = isConcurrent;
        return b;
    }

    /** Mutable builder of {@link JobSummary}. */
    public static final class Builder {
        private String jobArn;
        private String jobId;
        private String thingGroupId;
        private TargetSelection targetSelection;
        private JobStatus status;
        private Instant createdAt;
        private Instant lastUpdatedAt;
        private Instant completedAt;
        private Boolean isConcurrent;

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
         * @param thingGroupId The thing group's identifier.
         * @return this builder
         */
        public Builder thingGroupId(String thingGroupId) {
            this.thingGroupId = thingGroupId;
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
         * @param isConcurrent Whether the job is still rolling out or canceling.
         * @return this builder
         */
        public Builder isConcurrent(Boolean isConcurrent) {
            this.isConcurrent = isConcurrent;
            return this;
        }

        /** @return the built value */
        public JobSummary build() {
            return new JobSummary(jobArn, jobId, thingGroupId, targetSelection, status, createdAt, lastUpdatedAt, completedAt, isConcurrent);
        }
    }
}
