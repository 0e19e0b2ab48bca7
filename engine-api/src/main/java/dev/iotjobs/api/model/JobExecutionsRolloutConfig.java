package dev.iotjobs.api.model;

/**
 * How fast a job's executions roll out.
 *
 * @param maximumPerMinute At most this many executions are created per minute (1..1000).
 * @param exponentialRate An exponentially growing rate.
 */
public record JobExecutionsRolloutConfig(
        Integer maximumPerMinute,
        ExponentialRolloutRate exponentialRate) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maximumPerMinute = maximumPerMinute;
        b.exponentialRate = exponentialRate;
        return b;
    }

    /** Mutable builder of {@link JobExecutionsRolloutConfig}. */
    public static final class Builder {
        private Integer maximumPerMinute;
        private ExponentialRolloutRate exponentialRate;

        private Builder() {
        }

        /**
         * @param maximumPerMinute At most this many executions are created per minute (1..1000).
         * @return this builder
         */
        public Builder maximumPerMinute(Integer maximumPerMinute) {
            this.maximumPerMinute = maximumPerMinute;
            return this;
        }

        /**
         * @param exponentialRate An exponentially growing rate.
         * @return this builder
         */
        public Builder exponentialRate(ExponentialRolloutRate exponentialRate) {
            this.exponentialRate = exponentialRate;
            return this;
        }

        /** @return the built value */
        public JobExecutionsRolloutConfig build() {
            return new JobExecutionsRolloutConfig(maximumPerMinute, exponentialRate);
        }
    }
}
