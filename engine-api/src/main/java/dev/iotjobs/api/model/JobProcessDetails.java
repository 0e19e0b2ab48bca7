package dev.iotjobs.api.model;

import java.util.List;

/**
 * The counters of a job's executions by status; counters are never null.
 *
 * @param processingTargets The targets still rolling out.
 * @param numberOfCanceledThings How many of the job's executions are CANCELED.
 * @param numberOfSucceededThings How many of the job's executions are SUCCEEDED.
 * @param numberOfFailedThings How many of the job's executions are FAILED.
 * @param numberOfRejectedThings How many of the job's executions are REJECTED.
 * @param numberOfQueuedThings How many of the job's executions are QUEUED.
 * @param numberOfInProgressThings How many of the job's executions are IN_PROGRESS.
 * @param numberOfRemovedThings How many of the job's executions are REMOVED.
 * @param numberOfTimedOutThings How many of the job's executions are TIMED_OUT.
 */
public record JobProcessDetails(
        List<String> processingTargets,
        Integer numberOfCanceledThings,
        Integer numberOfSucceededThings,
        Integer numberOfFailedThings,
        Integer numberOfRejectedThings,
        Integer numberOfQueuedThings,
        Integer numberOfInProgressThings,
        Integer numberOfRemovedThings,
        Integer numberOfTimedOutThings) {
    /** Normalizes absent lists and maps to empty ones. */
    public JobProcessDetails {
        processingTargets = Values.list(processingTargets);
        numberOfCanceledThings = numberOfCanceledThings == null ? 0 : numberOfCanceledThings;
        numberOfSucceededThings = numberOfSucceededThings == null ? 0 : numberOfSucceededThings;
        numberOfFailedThings = numberOfFailedThings == null ? 0 : numberOfFailedThings;
        numberOfRejectedThings = numberOfRejectedThings == null ? 0 : numberOfRejectedThings;
        numberOfQueuedThings = numberOfQueuedThings == null ? 0 : numberOfQueuedThings;
        numberOfInProgressThings = numberOfInProgressThings == null ? 0 : numberOfInProgressThings;
        numberOfRemovedThings = numberOfRemovedThings == null ? 0 : numberOfRemovedThings;
        numberOfTimedOutThings = numberOfTimedOutThings == null ? 0 : numberOfTimedOutThings;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.processingTargets = processingTargets;
        b.numberOfCanceledThings = numberOfCanceledThings;
        b.numberOfSucceededThings = numberOfSucceededThings;
        b.numberOfFailedThings = numberOfFailedThings;
        b.numberOfRejectedThings = numberOfRejectedThings;
        b.numberOfQueuedThings = numberOfQueuedThings;
        b.numberOfInProgressThings = numberOfInProgressThings;
        b.numberOfRemovedThings = numberOfRemovedThings;
        b.numberOfTimedOutThings = numberOfTimedOutThings;
        return b;
    }

    /** Mutable builder of {@link JobProcessDetails}. */
    public static final class Builder {
        private List<String> processingTargets;
        private Integer numberOfCanceledThings;
        private Integer numberOfSucceededThings;
        private Integer numberOfFailedThings;
        private Integer numberOfRejectedThings;
        private Integer numberOfQueuedThings;
        private Integer numberOfInProgressThings;
        private Integer numberOfRemovedThings;
        private Integer numberOfTimedOutThings;

        private Builder() {
        }

        /**
         * @param processingTargets The targets still rolling out.
         * @return this builder
         */
        public Builder processingTargets(List<String> processingTargets) {
            this.processingTargets = processingTargets;
            return this;
        }

        /**
         * @param processingTargets The targets still rolling out.
         * @return this builder
         */
        public Builder processingTargets(String... processingTargets) {
            this.processingTargets = processingTargets == null ? null : java.util.Arrays.asList(processingTargets);
            return this;
        }

        /**
         * @param numberOfCanceledThings How many of the job's executions are CANCELED.
         * @return this builder
         */
        public Builder numberOfCanceledThings(Integer numberOfCanceledThings) {
            this.numberOfCanceledThings = numberOfCanceledThings;
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

        /**
         * @param numberOfFailedThings How many of the job's executions are FAILED.
         * @return this builder
         */
        public Builder numberOfFailedThings(Integer numberOfFailedThings) {
            this.numberOfFailedThings = numberOfFailedThings;
            return this;
        }

        /**
         * @param numberOfRejectedThings How many of the job's executions are REJECTED.
         * @return this builder
         */
        public Builder numberOfRejectedThings(Integer numberOfRejectedThings) {
            this.numberOfRejectedThings = numberOfRejectedThings;
            return this;
        }

        /**
         * @param numberOfQueuedThings How many of the job's executions are QUEUED.
         * @return this builder
         */
        public Builder numberOfQueuedThings(Integer numberOfQueuedThings) {
            this.numberOfQueuedThings = numberOfQueuedThings;
            return this;
        }

        /**
         * @param numberOfInProgressThings How many of the job's executions are IN_PROGRESS.
         * @return this builder
         */
        public Builder numberOfInProgressThings(Integer numberOfInProgressThings) {
            this.numberOfInProgressThings = numberOfInProgressThings;
            return this;
        }

        /**
         * @param numberOfRemovedThings How many of the job's executions are REMOVED.
         * @return this builder
         */
        public Builder numberOfRemovedThings(Integer numberOfRemovedThings) {
            this.numberOfRemovedThings = numberOfRemovedThings;
            return this;
        }

        /**
         * @param numberOfTimedOutThings How many of the job's executions are TIMED_OUT.
         * @return this builder
         */
        public Builder numberOfTimedOutThings(Integer numberOfTimedOutThings) {
            this.numberOfTimedOutThings = numberOfTimedOutThings;
            return this;
        }

        /** @return the built value */
        public JobProcessDetails build() {
            return new JobProcessDetails(processingTargets, numberOfCanceledThings, numberOfSucceededThings, numberOfFailedThings, numberOfRejectedThings, numberOfQueuedThings, numberOfInProgressThings, numberOfRemovedThings, numberOfTimedOutThings);
        }
    }
}
