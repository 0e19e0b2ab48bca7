package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code listJobTemplates}.
 *
 * @param maxResults The page size, 1..250 (default 100).
 * @param nextToken The opaque token of the next page; absent on the last page.
 */
public record ListJobTemplatesRequest(
        Integer maxResults,
        String nextToken) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        return b;
    }

    /** Mutable builder of {@link ListJobTemplatesRequest}. */
    public static final class Builder {
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param maxResults The page size, 1..250 (default 100).
         * @return this builder
         */
        public Builder maxResults(Integer maxResults) {
            this.maxResults = maxResults;
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
        public ListJobTemplatesRequest build() {
            return new ListJobTemplatesRequest(maxResults, nextToken);
        }
    }
}
