package dev.iotjobs.api.model;

import java.time.Instant;

/**
 * A summary of a job execution: the members of both planes' shapes.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param status The status.
 * @param queuedAt When the execution was queued.
 * @param startedAt When the execution first became IN_PROGRESS.
 * @param lastUpdatedAt When it last changed.
 * @param versionNumber The execution's version, grows by one with every change.
 * @param executionNumber Identifies one execution of a job on a thing; absent means the latest.
 * @param retryAttempt Which retry this execution is (0 for the first attempt).
 */
public record JobExecutionSummary(
        String jobId,
        JobExecutionStatus status,
        Instant queuedAt,
        Instant startedAt,
        Instant lastUpdatedAt,
        Long versionNumber,
        Long executionNumber,
        Integer retryAttempt) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.status = status;
        b.queuedAt = queuedAt;
        b.startedAt = startedAt;
        b.lastUpdatedAt = lastUpdatedAt;
        b.versionNumber = versionNumber;
        b.executionNumber = executionNumber;
        b.retryAttempt = retryAttempt;
        return b;
    }

    /** Mutable builder of {@link JobExecutionSummary}. */
    public static final class Builder {
        private String jobId;
        private JobExecutionStatus status;
        private Instant queuedAt;
        private Instant startedAt;
        private Instant lastUpdatedAt;
        private Long versionNumber;
        private Long executionNumber;
        private Integer retryAttempt;

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
         * @param status The status.
         * @return this builder
         */
        public Builder status(JobExecutionStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param status the AWS name of a {@link JobExecutionStatus} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder status(String status) {
            this.status = Values.enumValue(JobExecutionStatus.class, "status", status);
            return this;
        }

        /**
         * @param queuedAt When the execution was queued.
         * @return this builder
         */
        public Builder queuedAt(Instant queuedAt) {
            this.queuedAt = queuedAt;
            return this;
        }

        /**
         * @param startedAt When the execution first became IN_PROGRESS.
         * @return this builder
         */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
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
         * @param versionNumber The execution's version, grows by one with every change.
         * @return this builder
         */
        public Builder versionNumber(Long versionNumber) {
            this.versionNumber = versionNumber;
            return this;
        }

        /**
         * @param executionNumber Identifies one execution of a job on a thing; absent means the latest.
         * @return this builder
         */
        public Builder executionNumber(Long executionNumber) {
            this.executionNumber = executionNumber;
            return this;
        }

        /**
         * @param retryAttempt Which retry this execution is (0 for the first attempt).
         * @return this builder
         */
        public Builder retryAttempt(Integer retryAttempt) {
            this.retryAttempt = retryAttempt;
            return this;
        }

        /** @return the built value */
        public JobExecutionSummary build() {
            return new JobExecutionSummary(jobId, status, queuedAt, startedAt, lastUpdatedAt, versionNumber, executionNumber, retryAttempt);
        }
    }
}
