package dev.iotjobs.api.model;

/**
 * An execution as listed by {@code listJobExecutionsForJob}.
 *
 * @param thingArn The thing's ARN.
 * @param jobExecutionSummary The execution's summary.
 */
public record JobExecutionSummaryForJob(
        String thingArn,
        JobExecutionSummary jobExecutionSummary) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingArn = thingArn;
        b.jobExecutionSummary = jobExecutionSummary;
        return b;
    }

    /** Mutable builder of {@link JobExecutionSummaryForJob}. */
    public static final class Builder {
        private String thingArn;
        private JobExecutionSummary jobExecutionSummary;

        private Builder() {
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
         * @param jobExecutionSummary The execution's summary.
         * @return this builder
         */
        public Builder jobExecutionSummary(JobExecutionSummary jobExecutionSummary) {
            this.jobExecutionSummary = jobExecutionSummary;
            return this;
        }

        /** @return the built value */
        public JobExecutionSummaryForJob build() {
            return new JobExecutionSummaryForJob(thingArn, jobExecutionSummary);
        }
    }
}
