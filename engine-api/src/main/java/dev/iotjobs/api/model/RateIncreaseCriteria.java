package dev.iotjobs.api.model;

/**
 * When an exponential rollout raises its rate.
 *
 * @param numberOfNotifiedThings Raise the rate each time this many more things were notified.
 * @param numberOfSucceededThings How many of the job's executions are SUCCEEDED.
 */
public record RateIncreaseCriteria(
        Integer numberOfNotifiedThings,
        Integer numberOfSucceededThings) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.numberOfNotifiedThings = numberOfNotifiedThings;
        b.numberOfSucceededThings = numberOfSucceededThings;
        return b;
    }

    /** Mutable builder of {@link RateIncreaseCriteria}. */
    public static final class Builder {
        private Integer numberOfNotifiedThings;
        private Integer numberOfSucceededThings;

        private Builder() {
        }

        /**
         * @param numberOfNotifiedThings Raise the rate each time this many more things were notified.
         * @return this builder
         */
        public Builder numberOfNotifiedThings(Integer numberOfNotifiedThings) {
            this.numberOfNotifiedThings = numberOfNotifiedThings;
            return this;
        }

        /**
         * @param numberOfSucceededThings How many of the job's executions are SUCCEEDED.
         * @return this builder
         */
        public Builder numberOfSucceededThings(Integer numberOfSucceededThings) {
            this.numberOfSucceededThings = numberOfSucceededThings;
            return this;
        }

        /** @return the built value */
        public RateIncreaseCriteria build() {
            return new RateIncreaseCriteria(numberOfNotifiedThings, numberOfSucceededThings);
        }
    }
}
