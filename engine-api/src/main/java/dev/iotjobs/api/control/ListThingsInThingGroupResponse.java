package dev.iotjobs.api.control;

import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The response of the control-plane operation {@code listThingsInThingGroup}.
 *
 * @param things The page of thing names.
 * @param nextToken The opaque token of the next page; absent on the last page.
 */
public record ListThingsInThingGroupResponse(
        List<String> things,
        String nextToken) {
    /** Normalizes absent lists and maps to empty ones. */
    public ListThingsInThingGroupResponse {
        things = Values.list(things);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.things = things;
        b.nextToken = nextToken;
        return b;
    }

    /** Mutable builder of {@link ListThingsInThingGroupResponse}. */
    public static final class Builder {
        private List<String> things;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param things The page of thing names.
         * @return this builder
         */
        public Builder things(List<String> things) {
            this.things = things;
            return this;
        }

        /**
         * @param things The page of thing names.
         * @return this builder
         */
        public Builder things(String... things) {
            this.things = things == null ? null : java.util.Arrays.asList(things);
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
        public ListThingsInThingGroupResponse build() {
            return new ListThingsInThingGroupResponse(things, nextToken);
        }
    }
}
