package dev.iotjobs.api.model;

/**
 * A tag (AWS members {@code Key} and {@code Value}).
 *
 * @param key The tag's key.
 * @param value The tag's value.
 */
public record Tag(
        String key,
        String value) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.key = key;
        b.value = value;
        return b;
    }

    /** Mutable builder of {@link Tag}. */
    public static final class Builder {
        private String key;
        private String value;

        private Builder() {
        }

        /**
         * @param key The tag's key.
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * @param value The tag's value.
         * @return this builder
         */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        /** @return the built value */
        public Tag build() {
            return new Tag(key, value);
        }
    }
}
