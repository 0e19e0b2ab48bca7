package dev.iotjobs.api.model;

/**
 * An execution as listed by {@code listJobExecutionsForThing}.
 *
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param jobExecutionSummary The execution's summary.
 */
public record JobExecutionSummaryForThing(
        String jobId,
        JobExecutionSummary jobExecutionSummary) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.jobExecutionSummary = jobExecutionSummary;
        return b;
    }

    /** Mutable builder of {@link JobExecutionSummaryForThing}. */
    public static final class Builder {
        private String jobId;
        private JobExecutionSummary jobExecutionSummary;

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
         * @param jobExecutionSummary The execution's summary.
         * @return this builder
         */
        public Builder jobExecutionSummary(JobExecutionSummary jobExecutionSummary) {
            this.jobExecutionSummary = jobExecutionSummary;
            return this;
        }

        /** @return the built value */
        public JobExecutionSummaryForThing build() {
            return new JobExecutionSummaryForThing(jobId, jobExecutionSummary);
        }
    }
}
