package dev.iotjobs.api.control;

import dev.iotjobs.api.model.GroupNameAndArn;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The response of the control-plane operation {@code listThingGroups}.
 *
 * @param thingGroups The page of thing groups, in name order.
 * @param nextToken The opaque token of the next page; absent on the last page.
 */
public record ListThingGroupsResponse(
        List<GroupNameAndArn> thingGroups,
        String nextToken) {
    /** Normalizes absent lists and maps to empty ones. */
    public ListThingGroupsResponse {
        thingGroups = Values.list(thingGroups);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingGroups = thingGroups;
        b.nextToken = nextToken;
        return b;
    }

    /** Mutable builder of {@link ListThingGroupsResponse}. */
    public static final class Builder {
        private List<GroupNameAndArn> thingGroups;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param thingGroups The page of thing groups, in name order.
         * @return this builder
         */
        public Builder thingGroups(List<GroupNameAndArn> thingGroups) {
            this.thingGroups = thingGroups;
            return this;
        }

        /**
         * @param thingGroups The page of thing groups, in name order.
         * @return this builder
         */
        public Builder thingGroups(GroupNameAndArn... thingGroups) {
            this.thingGroups = thingGroups == null ? null : java.util.Arrays.asList(thingGroups);
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
        public ListThingGroupsResponse build() {
            return new ListThingGroupsResponse(thingGroups, nextToken);
        }
    }
}
