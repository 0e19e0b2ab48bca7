package dev.iotjobs.api.model;

/**
 * How often executions that end with one failure type are retried.
 *
 * @param failureType The failure type the criterion counts.
 * @param numberOfRetries How many times an execution is retried, 0..10.
 */
public record RetryCriteria(
        RetryableFailureType failureType,
        Integer numberOfRetries) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.failureType = failureType;
        b.numberOfRetries = numberOfRetries;
        return b;
    }

    /** Mutable builder of {@link RetryCriteria}. */
    public static final class Builder {
        private RetryableFailureType failureType;
        private Integer numberOfRetries;

        private Builder() {
        }

        /**
         * @param failureType The failure type the criterion counts.
         * @return this builder
         */
        public Builder failureType(RetryableFailureType failureType) {
            this.failureType = failureType;
            return this;
        }

        /**
         * Sets the member from its AWS name.
         *
         * @param failureType the AWS name of a {@link RetryableFailureType} constant
         * @return this builder
         * @throws dev.iotjobs.api.error.InvalidRequestException if the name is unknown
         */
        public Builder failureType(String failureType) {
            this.failureType = Values.enumValue(RetryableFailureType.class, "failureType", failureType);
            return this;
        }

        /**
         * @param numberOfRetries How many times an execution is retried, 0..10.
         * @return this builder
         */
        public Builder numberOfRetries(Integer numberOfRetries) {
            this.numberOfRetries = numberOfRetries;
            return this;
        }

        /** @return the built value */
        public RetryCriteria build() {
            return new RetryCriteria(failureType, numberOfRetries);
        }
    }
}
