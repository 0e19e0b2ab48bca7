package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code listManagedJobTemplates}.
 *
 * @param templateName Only the versions of the template of this name (1..64 characters); all templates when absent.
 * @param maxResults The page size, 1..250 (default 100).
 * @param nextToken The token of the page to read, from the previous page.
 */
public record ListManagedJobTemplatesRequest(
        String templateName,
        Integer maxResults,
        String nextToken) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.templateName = templateName;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        return b;
    }

    /** Mutable builder of {@link ListManagedJobTemplatesRequest}. */
    public static final class Builder {
        private String templateName;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param templateName Only the versions of the template of this name (1..64 characters); all templates when absent.
         * @return this builder
         */
        public Builder templateName(String templateName) {
            this.templateName = templateName;
            return this;
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
         * @param nextToken The token of the page to read, from the previous page.
         * @return this builder
         */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        /** @return the built value */
        public ListManagedJobTemplatesRequest build() {
            return new ListManagedJobTemplatesRequest(templateName, maxResults, nextToken);
        }
    }
}
