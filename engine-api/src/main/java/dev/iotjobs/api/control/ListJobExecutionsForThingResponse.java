package dev.iotjobs.api.control;

import dev.iotjobs.api.model.JobExecutionSummaryForThing;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The response of the control-plane operation {@code listJobExecutionsForThing}.
 *
 * @param executionSummaries The page of execution summaries.
 * @param nextToken The opaque token of the next page; absent on the last page.
 */
public record ListJobExecutionsForThingResponse(
        List<JobExecutionSummaryForThing> executionSummaries,
        String nextToken) {
    /** Normalizes absent lists and maps to empty ones. */
    public ListJobExecutionsForThingResponse {
        executionSummaries = Values.list(executionSummaries);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.executionSummaries = executionSummaries;
        b.nextToken = nextToken;
        return b;
    }

    /** Mutable builder of {@link ListJobExecutionsForThingResponse}. */
    public static final class Builder {
        private List<JobExecutionSummaryForThing> executionSummaries;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param executionSummaries The page of execution summaries.
         * @return this builder
         */
        public Builder executionSummaries(List<JobExecutionSummaryForThing> executionSummaries) {
            this.executionSummaries = executionSummaries;
            return this;
        }

        /**
         * @param executionSummaries The page of execution summaries.
         * @return this builder
         */
        public Builder executionSummaries(JobExecutionSummaryForThing... executionSummaries) {
            this.executionSummaries = executionSummaries == null ? null : java.util.Arrays.asList(executionSummaries);
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
        public ListJobExecutionsForThingResponse build() {
            return new ListJobExecutionsForThingResponse(executionSummaries, nextToken);
        }
    }
}
