package dev.iotjobs.api.model;


/**
 * A parameter of a managed job template's document: what CreateJob's {@code documentParameters} may give
 * (SPEC J15).
 *
 * @param key The parameter's key, as in {@code ${aws:iot:parameter:KEY}}: 1..128 characters of {@code [a-zA-Z0-9_-]}.
 * @param description What the parameter is for.
 * @param regex The pattern every value must match as a whole.
 * @param example An example value.
 * @param optional Whether the parameter may be left out (it then becomes the empty string).
 */
public record DocumentParameter(
        String key,
        String description,
        String regex,
        String example,
        Boolean optional) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.key = key;
        b.description = description;
        b.regex = regex;
        b.example = example;
        b.optional = optional;
        return b;
    }

    /** Mutable builder of {@link DocumentParameter}. */
    public static final class Builder {
        private String key;
        private String description;
        private String regex;
        private String example;
        private Boolean optional;

        private Builder() {
        }

        /**
         * @param key The parameter's key, as in {@code ${aws:iot:parameter:KEY}}: 1..128 characters of {@code [a-zA-Z0-9_-]}.
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * @param description What the parameter is for.
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param regex The pattern every value must match as a whole.
         * @return this builder
         */
        public Builder regex(String regex) {
            this.regex = regex;
            return this;
        }

        /**
         * @param example An example value.
         * @return this builder
         */
        public Builder example(String example) {
            this.example = example;
            return this;
        }

        /**
         * @param optional Whether the parameter may be left out (it then becomes the empty string).
         * @return this builder
         */
        public Builder optional(Boolean optional) {
            this.optional = optional;
            return this;
        }

        /** @return the built value */
        public DocumentParameter build() {
            return new DocumentParameter(key, description, regex, example, optional);
        }
    }
}
