package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code listThings}.
 *
 * @param nextToken The opaque token of the next page; absent on the last page.
 * @param maxResults The page size, 1..250 (default 100).
 * @param attributeName Only things with this attribute (given with {@code attributeValue}).
 * @param attributeValue The value the attribute {@code attributeName} must have (or start with, with {@code usePrefixAttributeValue}).
 * @param thingTypeName Only things of this type (not together with an attribute filter, as on AWS).
 * @param usePrefixAttributeValue Whether {@code attributeValue} is a prefix of the value rather than the whole value.
 */
public record ListThingsRequest(
        String nextToken,
        Integer maxResults,
        String attributeName,
        String attributeValue,
        String thingTypeName,
        Boolean usePrefixAttributeValue) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nextToken = nextToken;
        b.maxResults = maxResults;
        b.attributeName = attributeName;
        b.attributeValue = attributeValue;
        b.thingTypeName = thingTypeName;
        b.usePrefixAttributeValue = usePrefixAttributeValue;
        return b;
    }

    /** Mutable builder of {@link ListThingsRequest}. */
    public static final class Builder {
        private String nextToken;
        private Integer maxResults;
        private String attributeName;
        private String attributeValue;
        private String thingTypeName;
        private Boolean usePrefixAttributeValue;

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
         * @param attributeName Only things with this attribute (given with {@code attributeValue}).
         * @return this builder
         */
        public Builder attributeName(String attributeName) {
            this.attributeName = attributeName;
            return this;
        }

        /**
         * @param attributeValue The value the attribute {@code attributeName} must have (or start with, with {@code usePrefixAttributeValue}).
         * @return this builder
         */
        public Builder attributeValue(String attributeValue) {
            this.attributeValue = attributeValue;
            return this;
        }

        /**
         * @param thingTypeName Only things of this type (not together with an attribute filter, as on AWS).
         * @return this builder
         */
        public Builder thingTypeName(String thingTypeName) {
            this.thingTypeName = thingTypeName;
            return this;
        }

        /**
         * @param usePrefixAttributeValue Whether {@code attributeValue} is a prefix of the value rather than the whole value.
         * @return this builder
         */
        public Builder usePrefixAttributeValue(Boolean usePrefixAttributeValue) {
            this.usePrefixAttributeValue = usePrefixAttributeValue;
            return this;
        }

        /** @return the built value */
        public ListThingsRequest build() {
            return new ListThingsRequest(nextToken, maxResults, attributeName, attributeValue, thingTypeName, usePrefixAttributeValue);
        }
    }
}
