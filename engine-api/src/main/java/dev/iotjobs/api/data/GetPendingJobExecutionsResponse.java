package dev.iotjobs.api.data;

import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The response of the data-plane operation {@code getPendingJobExecutions}.
 *
 * @param inProgressJobs The thing's executions that are IN_PROGRESS, in queue order.
 * @param queuedJobs The thing's executions that are QUEUED, in queue order.
 */
public record GetPendingJobExecutionsResponse(
        List<JobExecutionSummary> inProgressJobs,
        List<JobExecutionSummary> queuedJobs) {
    /** Normalizes absent lists and maps to empty ones. */
    public GetPendingJobExecutionsResponse {
        inProgressJobs = Values.list(inProgressJobs);
        queuedJobs = Values.list(queuedJobs);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.inProgressJobs = inProgressJobs;
        b.queuedJobs = queuedJobs;
        return b;
    }

    /** Mutable builder of {@link GetPendingJobExecutionsResponse}. */
    public static final class Builder {
        private List<JobExecutionSummary> inProgressJobs;
        private List<JobExecutionSummary> queuedJobs;

        private Builder() {
        }

        /**
         * @param inProgressJobs The thing's executions that are IN_PROGRESS, in queue order.
         * @return this builder
         */
        public Builder inProgressJobs(List<JobExecutionSummary> inProgressJobs) {
            this.inProgressJobs = inProgressJobs;
            return this;
        }

        /**
         * @param inProgressJobs The thing's executions that are IN_PROGRESS, in queue order.
         * @return this builder
         */
        public Builder inProgressJobs(JobExecutionSummary... inProgressJobs) {
            this.inProgressJobs = inProgressJobs == null ? null : java.util.Arrays.asList(inProgressJobs);
            return this;
        }

        /**
         * @param queuedJobs The thing's executions that are QUEUED, in queue order.
         * @return this builder
         */
        public Builder queuedJobs(List<JobExecutionSummary> queuedJobs) {
            this.queuedJobs = queuedJobs;
            return this;
        }

        /**
         * @param queuedJobs The thing's executions that are QUEUED, in queue order.
         * @return this builder
         */
        public Builder queuedJobs(JobExecutionSummary... queuedJobs) {
            this.queuedJobs = queuedJobs == null ? null : java.util.Arrays.asList(queuedJobs);
            return this;
        }

        /** @return the built value */
        public GetPendingJobExecutionsResponse build() {
            return new GetPendingJobExecutionsResponse(inProgressJobs, queuedJobs);
        }
    }
}
