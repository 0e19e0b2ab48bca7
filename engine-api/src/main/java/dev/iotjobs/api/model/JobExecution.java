package dev.iotjobs.api.model;

import java.time.Instant;
import java.util.Map;

/**
 * A job execution: the members of both the control-plane and the data-plane shape.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param thingArn The thing's ARN.
 * @param status The status.
 * @param forceCanceled Whether a forced cancel happened (never null).
 * @param statusDetails Name-value pairs describing the execution's progress (at most 10).
 * @param queuedAt When the execution was queued.
 * @param startedAt When the execution first became IN_PROGRESS.
 * @param lastUpdatedAt When it last changed.
 * @param approximateSecondsBeforeTimedOut Whole seconds until the execution times out, while a timer runs.
 * @param versionNumber The execution's version, grows by one with every change.
 * @param executionNumber Identifies one execution of a job on a thing; absent means the latest.
 * @param jobDocument The job document, when requested.
 */
public record JobExecution(
        String jobId,
        String thingName,
        String thingArn,
        JobExecutionStatus status,
        Boolean forceCanceled,
        Map<String,String> statusDetails,
        Instant queuedAt,
        Instant startedAt,
        Instant lastUpdatedAt,
        Long approximateSecondsBeforeTimedOut,
        Long versionNumber,
        Long executionNumber,
        String jobDocument) {
    /** Normalizes absent lists and maps to empty ones. */
    public JobExecution {
        forceCanceled = forceCanceled == null ? Boolean.FALSE : forceCanceled;
        statusDetails = Values.map(statusDetails);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.thingName = thingName;
        b.thingArn = thingArn;
        b.status = status;
        b.forceCanceled = forceCanceled;
        b.statusDetails = statusDetails;
        b.queuedAt = queuedAt;
        b.startedAt = startedAt;
        b.lastUpdatedAt = lastUpdatedAt;
        b.approximateSecondsBeforeTimedOut = approximateSecondsBeforeTimedOut;
        b.versionNumber = versionNumber;
        b.executionNumber = executionNumber;
        b.jobDocument = jobDocument;
        return b;
    }

    /** Mutable builder of {@link JobExecution}. */
    public static final class Builder {
        private String jobId;
        private String thingName;
        private String thingArn;
        private JobExecutionStatus status;
        private Boolean forceCanceled;
        private Map<String,String> statusDetails;
        private Instant queuedAt;
        private Instant startedAt;
        private Instant lastUpdatedAt;
        private Long approximateSecondsBeforeTimedOut;
        private Long versionNumber;
        private Long executionNumber;
        private String jobDocument;

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
         * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
         * @return this builder
         */
        public Builder thingName(String thingName) {
            this.thingName = thingName;
            return this;
        }

        /**
         * @param thingArn The thing's ARN.
         * @return this builder
         */
        public Builder thingArn(String thingArn) {
            this.thingArn = thingArn;
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
         * @param forceCanceled Whether a forced cancel happened (never null).
         * @return this builder
         */
        public Builder forceCanceled(Boolean forceCanceled) {
            this.forceCanceled = forceCanceled;
            return this;
        }

        /**
         * @param statusDetails Name-value pairs describing the execution's progress (at most 10).
         * @return this builder
         */
        public Builder statusDetails(Map<String,String> statusDetails) {
            this.statusDetails = statusDetails;
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
         * @param approximateSecondsBeforeTimedOut Whole seconds until the execution times out, while a timer runs.
         * @return this builder
         */
        public Builder approximateSecondsBeforeTimedOut(Long approximateSecondsBeforeTimedOut) {
            this.approximateSecondsBeforeTimedOut = approximateSecondsBeforeTimedOut;
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
         * @param jobDocument The job document, when requested.
         * @return this builder
         */
        public Builder jobDocument(String jobDocument) {
            this.jobDocument = jobDocument;
            return this;
        }

        /** @return the built value */
        public JobExecution build() {
            return new JobExecution(jobId, thingName, thingArn, status, forceCanceled, statusDetails, queuedAt, startedAt, lastUpdatedAt, approximateSecondsBeforeTimedOut, versionNumber, executionNumber, jobDocument);
        }
    }
}
