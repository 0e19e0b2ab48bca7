package dev.iotjobs.api.data;

/**
 * The request of the data-plane operation {@code getPendingJobExecutions}.
 *
 * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
 */
public record GetPendingJobExecutionsRequest(
        String thingName) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thingName = thingName;
        return b;
    }

    /** Mutable builder of {@link GetPendingJobExecutionsRequest}. */
    public static final class Builder {
        private String thingName;

        private Builder() {
        }

        /**
         * @param thingName The thing's name: 1..128 characters of {@code [a-zA-Z0-9:_-]}.
         * @return this builder
         */
        public Builder thingName(String thingName) {
            this.thingName = thingName;
            return this;
        }

        /** @return the built value */
        public GetPendingJobExecutionsRequest build() {
            return new GetPendingJobExecutionsRequest(thingName);
        }
    }
}
