package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code listThingsInThingGroup}.
 *
 * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param recursive Whether to include things of descendant groups.
 * @param nextToken The opaque token of the next page; absent on the last page.
 * @param maxResults The page size, 1..250 (default 100).
 */
public record ListThingsInThingGroupRequest(
        String thingGroupName,
        Boolean recursive,
        String nextToken,
        Integer maxResults) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingGroupName = thingGroupName;
        b.recursive = recursive;
        b.nextToken = nextToken;
        b.maxResults = maxResults;
        return b;
    }

    /** Mutable builder of {@link ListThingsInThingGroupRequest}. */
    public static final class Builder {
        private String thingGroupName;
        private Boolean recursive;
        private String nextToken;
        private Integer maxResults;

        private Builder() {
        }

        /**
         * @param thingGroupName The thing group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
         * @return this builder
         */
        public Builder thingGroupName(String thingGroupName) {
            this.thingGroupName = thingGroupName;
            return this;
        }

        /**
         * @param recursive Whether to include things of descendant groups.
         * @return this builder
         */
        public Builder recursive(Boolean recursive) {
            this.recursive = recursive;
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

        /**
         * @param maxResults The page size, 1..250 (default 100).
         * @return this builder
         */
        public Builder maxResults(Integer maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        /** @return the built value */
        public ListThingsInThingGroupRequest build() {
            return new ListThingsInThingGroupRequest(thingGroupName, recursive, nextToken, maxResults);
        }
    }
}
