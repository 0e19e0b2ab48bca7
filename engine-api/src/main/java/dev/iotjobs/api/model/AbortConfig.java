package dev.iotjobs.api.model;

import java.util.List;

/**
 * The criteria that abort a job.
 *
 * @param criteriaList The criteria, in order.
 */
public record AbortConfig(
        List<AbortCriteria> criteriaList) {
    /** Normalizes absent lists and maps to empty ones. */
    public AbortConfig {
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

    /** Mutable builder of {@link AbortConfig}. */
    public static final class Builder {
        private List<AbortCriteria> criteriaList;

        private Builder() {
        }

        /**
         * @param criteriaList The criteria, in order.
         * @return this builder
         */
        public Builder criteriaList(List<AbortCriteria> criteriaList) {
            this.criteriaList = criteriaList;
            return this;
        }

        /**
         * @param criteriaList The criteria, in order.
         * @return this builder
         */
        public Builder criteriaList(AbortCriteria... criteriaList) {
            this.criteriaList = criteriaList == null ? null : java.util.Arrays.asList(criteriaList);
            return this;
        }

        /** @return the built value */
        public AbortConfig build() {
            return new AbortConfig(criteriaList);
        }
    }
}
