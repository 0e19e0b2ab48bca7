package dev.iotjobs.api.model;

import java.util.List;

/**
 * The retry criteria of a job (1..2).
 *
 * @param criteriaList The criteria, in order.
 */
public record JobExecutionsRetryConfig(
        List<RetryCriteria> criteriaList) {
    /** Normalizes absent lists and maps to empty ones. */
    public JobExecutionsRetryConfig {
        criteriaList = Values.list(criteriaList);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.criteriaList = criteriaList;
        return b;
    }

    /** Mutable builder of {@link JobExecutionsRetryConfig}. */
    public static final class Builder {
        private List<RetryCriteria> criteriaList;

        private Builder() {
        }

        /**
         * @param criteriaList The criteria, in order.
         * @return this builder
         */
        public Builder criteriaList(List<RetryCriteria> criteriaList) {
            this.criteriaList = criteriaList;
            return this;
        }

        /**
         * @param criteriaList The criteria, in order.
         * @return this builder
         */
        public Builder criteriaList(RetryCriteria... criteriaList) {
            this.criteriaList = criteriaList == null ? null : java.util.Arrays.asList(criteriaList);
            return this;
        }

        /** @return the built value */
        public JobExecutionsRetryConfig build() {
            return new JobExecutionsRetryConfig(criteriaList);
        }
    }
}
