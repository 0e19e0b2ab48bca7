package dev.iotjobs.api.model;

/**
 * One criterion that cancels a job when too many of its executions fail.
 *
 * @param failureType The failure type the criterion counts.
 * @param action What to do when the criterion is met.
 * @param thresholdPercentage The percentage of failed executions (0..100) that triggers the action.
 * @param minNumberOfExecutedThings The minimum number of terminal executions before the criterion is evaluated.
 */
public record AbortCriteria(
        JobExecutionFailureType failureType,
        AbortAction action,
        Double thresholdPercentage,
        Integer minNumberOfExecutedThings) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.failureType = failureType;
        b.action = action;
        b.thresholdPercentage = thresholdPercentage;
        b.minNumberOfExecutedThings = minNumberOfExecutedThings;
        return b;
    }

    /** Mutable builder of {@link AbortCriteria}. */
    public static final class Builder {
        private JobExecutionFailureType failureType;
        private AbortAction action;
        private Double thresholdPercentage;
        private Integer minNumberOfExecutedThings;

        private Builder() {
        }

        /**
         * @param failureType The failure type the criterion counts.
         * @return this builder
         */
        public Builder failureType(JobExecutionFailureType failureType) {
            this.failureType = failureType;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param failureType the AWS name of a {@link JobExecutionFailureType} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder failureType(String failureType) {
            this.failureType = Values.enumValue(JobExecutionFailureType.class, "failureType", failureType);
            return this;
        }

        /**
         * @param action What to do when the criterion is met.
         * @return this builder
         */
        public Builder action(AbortAction action) {
            this.action = action;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param action the AWS name of a {@link AbortAction} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder action(String action) {
            this.action = Values.enumValue(AbortAction.class, "action", action);
            return this;
        }

        /**
         * @param thresholdPercentage The percentage of failed executions (0..100) that triggers the action.
         * @return this builder
         */
        public Builder thresholdPercentage(Double thresholdPercentage) {
            this.thresholdPercentage = thresholdPercentage;
            return this;
        }

        /**
         * @param minNumberOfExecutedThings The minimum number of terminal executions before the criterion is evaluated.
         * @return this builder
         */
        public Builder minNumberOfExecutedThings(Integer minNumberOfExecutedThings) {
            this.minNumberOfExecutedThings = minNumberOfExecutedThings;
            return this;
        }

        /** @return the built value */
        public AbortCriteria build() {
            return new AbortCriteria(failureType, action, thresholdPercentage, minNumberOfExecutedThings);
        }
    }
}
