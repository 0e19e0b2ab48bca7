package dev.iotjobs.api.control;

import dev.iotjobs.api.model.JobSummary;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The response of the control-plane operation {@code listJobs}.
 *
 * @param jobs The page of job summaries.
 * @param nextToken The opaque token of the next page; absent on the last page.
 */
public record ListJobsResponse(
        List<JobSummary> jobs,
        String nextToken) {
    /** Normalizes absent lists and maps to empty ones. */
    public ListJobsResponse {
        jobs = Values.list(jobs);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobs = jobs;
        b.nextToken = nextToken;
        return b;
    }

    /** Mutable builder of {@link ListJobsResponse}. */
    public static final class Builder {
        private List<JobSummary> jobs;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param jobs The page of job summaries.
         * @return this builder
         */
        public Builder jobs(List<JobSummary> jobs) {
            this.jobs = jobs;
            return this;
        }

        /**
         * @param jobs The page of job summaries.
         * @return this builder
         */
        public Builder jobs(JobSummary... jobs) {
            this.jobs = jobs == null ? null : java.util.Arrays.asList(jobs);
            return this;
        }

        /**
         * @param nextToken The opaque token of the next page; absent on the last page.
         * @return this builder
         */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        /** @return the built value */
        public ListJobsResponse build() {
            return new ListJobsResponse(jobs, nextToken);
        }
    }
}
