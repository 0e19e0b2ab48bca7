package dev.iotjobs.api.model;

/**
 * When a job starts and ends; times are ISO-8601 strings as in AWS.
 *
 * @param startTime When the job starts: an ISO-8601 date-time ({@code 2026-03-01T12:00}, seconds and offset optional, UTC by default).
 * @param endTime When the job's rollout ends: an ISO-8601 date-time.
 * @param endBehavior What happens at the end time.
 */
public record SchedulingConfig(
        String startTime,
        String endTime,
        JobEndBehavior endBehavior) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.startTime = startTime;
        b.endTime = endTime;
        b.endBehavior = endBehavior;
        return b;
    }

    /** Mutable builder of {@link SchedulingConfig}. */
    public static final class Builder {
        private String startTime;
        private String endTime;
        private JobEndBehavior endBehavior;

        private Builder() {
        }

        /**
         * @param startTime When the job starts: an ISO-8601 date-time ({@code 2026-03-01T12:00}, seconds and offset optional, UTC by default).
         * @return this builder
         */
        public Builder startTime(String startTime) {
            this.startTime = startTime;
            return this;
        }

        /**
         * @param endTime When the job's rollout ends: an ISO-8601 date-time.
         * @return this builder
         */
        public Builder endTime(String endTime) {
            this.endTime = endTime;
            return this;
        }

        /**
         * @param endBehavior What happens at the end time.
         * @return this builder
         */
        public Builder endBehavior(JobEndBehavior endBehavior) {
            this.endBehavior = endBehavior;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param endBehavior the AWS name of a {@link JobEndBehavior} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder endBehavior(String endBehavior) {
            this.endBehavior = Values.enumValue(JobEndBehavior.class, "endBehavior", endBehavior);
            return this;
        }

        /** @return the built value */
        public SchedulingConfig build() {
            return new SchedulingConfig(startTime, endTime, endBehavior);
        }
    }
}
