package dev.iotjobs.api.model;

/**
 * An exponentially growing rollout rate.
 *
 * @param baseRatePerMinute The starting rate, 1..1000 executions per minute.
 * @param incrementFactor The factor the rate is multiplied by, 1.1..5.
 * @param rateIncreaseCriteria When the rate is raised.
 */
public record ExponentialRolloutRate(
        Integer baseRatePerMinute,
        Double incrementFactor,
        RateIncreaseCriteria rateIncreaseCriteria) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseRatePerMinute = baseRatePerMinute;
        b.incrementFactor = incrementFactor;
        b.rateIncreaseCriteria = rateIncreaseCriteria;
        return b;
    }

    /** Mutable builder of {@link ExponentialRolloutRate}. */
    public static final class Builder {
        private Integer baseRatePerMinute;
        private Double incrementFactor;
        private RateIncreaseCriteria rateIncreaseCriteria;

        private Builder() {
        }

        /**
         * @param baseRatePerMinute The starting rate, 1..1000 executions per minute.
         * @return this builder
         */
        public Builder baseRatePerMinute(Integer baseRatePerMinute) {
            this.baseRatePerMinute = baseRatePerMinute;
            return this;
        }

        /**
         * @param incrementFactor The factor the rate is multiplied by, 1.1..5.
         * @return this builder
         */
        public Builder incrementFactor(Double incrementFactor) {
            this.incrementFactor = incrementFactor;
            return this;
        }

        /**
         * @param rateIncreaseCriteria When the rate is raised.
         * @return this builder
         */
        public Builder rateIncreaseCriteria(RateIncreaseCriteria rateIncreaseCriteria) {
            this.rateIncreaseCriteria = rateIncreaseCriteria;
            return this;
        }

        /** @return the built value */
        public ExponentialRolloutRate build() {
            return new ExponentialRolloutRate(baseRatePerMinute, incrementFactor, rateIncreaseCriteria);
        }
    }
}
