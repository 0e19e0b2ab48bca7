package dev.iotjobs.api.control;

import dev.iotjobs.api.model.JobTemplateSummary;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The response of the control-plane operation {@code listJobTemplates}.
 *
 * @param jobTemplates The page of job template summaries, in creation order.
 * @param nextToken The opaque token of the next page; absent on the last page.
 */
public record ListJobTemplatesResponse(
        List<JobTemplateSummary> jobTemplates,
        String nextToken) {
    /** Normalizes absent lists and maps to empty ones. */
    public ListJobTemplatesResponse {
        jobTemplates = Values.list(jobTemplates);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobTemplates = jobTemplates;
        b.nextToken = nextToken;
        return b;
    }

    /** Mutable builder of {@link ListJobTemplatesResponse}. */
    public static final class Builder {
        private List<JobTemplateSummary> jobTemplates;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param jobTemplates The page of job template summaries, in creation order.
         * @return this builder
         */
        public Builder jobTemplates(List<JobTemplateSummary> jobTemplates) {
            this.jobTemplates = jobTemplates;
            return this;
        }

        /**
         * @param jobTemplates The page of job template summaries, in creation order.
         * @return this builder
         */
        public Builder jobTemplates(JobTemplateSummary... jobTemplates) {
            this.jobTemplates = jobTemplates == null ? null : java.util.Arrays.asList(jobTemplates);
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
        public ListJobTemplatesResponse build() {
            return new ListJobTemplatesResponse(jobTemplates, nextToken);
        }
    }
}
