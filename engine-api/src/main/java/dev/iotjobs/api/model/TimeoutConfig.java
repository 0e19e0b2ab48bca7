package dev.iotjobs.api.model;

/**
 * The in-progress timeout of a job's executions.
 *
 * @param inProgressTimeoutInMinutes Minutes an execution may stay IN_PROGRESS (1..10080).
 */
public record TimeoutConfig(
        Long inProgressTimeoutInMinutes) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.inProgressTimeoutInMinutes = inProgressTimeoutInMinutes;
        return b;
    }

    /** Mutable builder of {@link TimeoutConfig}. */
    public static final class Builder {
        private Long inProgressTimeoutInMinutes;

        private Builder() {
        }

        /**
         * @param inProgressTimeoutInMinutes Minutes an execution may stay IN_PROGRESS (1..10080).
         * @return this builder
         */
        public Builder inProgressTimeoutInMinutes(Long inProgressTimeoutInMinutes) {
            this.inProgressTimeoutInMinutes = inProgressTimeoutInMinutes;
            return this;
        }

        /** @return the built value */
        public TimeoutConfig build() {
            return new TimeoutConfig(inProgressTimeoutInMinutes);
        }
    }
}
