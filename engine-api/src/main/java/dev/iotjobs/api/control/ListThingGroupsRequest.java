package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code listThingGroups}.
 *
 * @param nextToken The opaque token of the next page; absent on the last page.
 * @param maxResults The page size, 1..250 (default 100).
 * @param parentGroup Only groups under this group: its children, or all its descendants when {@code recursive} is not false.
 * @param namePrefixFilter Only groups whose name starts with this.
 * @param recursive Whether descendants below the first level are listed too (the default); false lists only the direct children of {@code parentGroup}, or only root groups without one.
 */
public record ListThingGroupsRequest(
        String nextToken,
        Integer maxResults,
        String parentGroup,
        String namePrefixFilter,
        Boolean recursive) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nextToken = nextToken;
        b.maxResults = maxResults;
        b.parentGroup = parentGroup;
        b.namePrefixFilter = namePrefixFilter;
        b.recursive = recursive;
        return b;
    }

    /** Mutable builder of {@link ListThingGroupsRequest}. */
    public static final class Builder {
        private String nextToken;
        private Integer maxResults;
        private String parentGroup;
        private String namePrefixFilter;
        private Boolean recursive;

        private Builder() {
        }

        /**
         * @param nextToken The opaque token of the next page; absent on the last page.
         * @return this builder
         */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
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
         * @param parentGroup Only groups under this group: its children, or all its descendants when {@code recursive} is not false.
         * @return this builder
         */
        public Builder parentGroup(String parentGroup) {
            this.parentGroup = parentGroup;
            return this;
        }

        /**
         * @param namePrefixFilter Only groups whose name starts with this.
         * @return this builder
         */
        public Builder namePrefixFilter(String namePrefixFilter) {
            this.namePrefixFilter = namePrefixFilter;
            return this;
        }

        /**
         * @param recursive Whether descendants below the first level are listed too (the default); false lists only the direct children of {@code parentGroup}, or only root groups without one.
         * @return this builder
         */
        public Builder recursive(Boolean recursive) {
            this.recursive = recursive;
            return this;
        }

        /** @return the built value */
        public ListThingGroupsRequest build() {
            return new ListThingGroupsRequest(nextToken, maxResults, parentGroup, namePrefixFilter, recursive);
        }
    }
}
