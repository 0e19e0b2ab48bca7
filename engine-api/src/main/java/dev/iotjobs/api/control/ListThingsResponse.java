package dev.iotjobs.api.control;

import dev.iotjobs.api.model.ThingAttribute;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The response of the control-plane operation {@code listThings}.
 *
 * @param things The page of things, in name order.
 * @param nextToken The opaque token of the next page; absent on the last page.
 */
public record ListThingsResponse(
        List<ThingAttribute> things,
        String nextToken) {
    /** Normalizes absent lists and maps to empty ones. */
    public ListThingsResponse {
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

    /** Mutable builder of {@link ListThingsResponse}. */
    public static final class Builder {
        private List<ThingAttribute> things;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param things The page of things, in name order.
         * @return this builder
         */
        public Builder things(List<ThingAttribute> things) {
            this.things = things;
            return this;
        }

        /**
         * @param things The page of things, in name order.
         * @return this builder
         */
        public Builder things(ThingAttribute... things) {
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
        public ListThingsResponse build() {
            return new ListThingsResponse(things, nextToken);
        }
    }
}
