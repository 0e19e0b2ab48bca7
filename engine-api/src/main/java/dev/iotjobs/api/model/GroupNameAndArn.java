package dev.iotjobs.api.model;

/**
 * A thing group's name and ARN.
 *
 * @param groupName The group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 * @param groupArn The group's ARN: {@code arn:aws:iot:{region}:{account}:thinggroup/{groupName}}.
 */
public record GroupNameAndArn(
        String groupName,
        String groupArn) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.groupName = groupName;
        b.groupArn = groupArn;
        return b;
    }

    /** Mutable builder of {@link GroupNameAndArn}. */
    public static final class Builder {
        private String groupName;
        private String groupArn;

        private Builder() {
        }

        /**
         * @param groupName The group's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
         * @return this builder
         */
        public Builder groupName(String groupName) {
            this.groupName = groupName;
            return this;
        }

        /**
         * @param groupArn The group's ARN: {@code arn:aws:iot:{region}:{account}:thinggroup/{groupName}}.
         * @return this builder
         */
        public Builder groupArn(String groupArn) {
            this.groupArn = groupArn;
            return this;
        }

        /** @return the built value */
        public GroupNameAndArn build() {
            return new GroupNameAndArn(groupName, groupArn);
        }
    }
}
