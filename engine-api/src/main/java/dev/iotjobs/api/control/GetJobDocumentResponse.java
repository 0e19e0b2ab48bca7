package dev.iotjobs.api.control;

/**
 * The response of the control-plane operation {@code getJobDocument}.
 *
 * @param document The job document: a JSON object of at most 32768 UTF-8 bytes.
 */
public record GetJobDocumentResponse(
        String document) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.document = document;
        return b;
    }

    /** Mutable builder of {@link GetJobDocumentResponse}. */
    public static final class Builder {
        private String document;

        private Builder() {
        }

        /**
         * @param document The job document: a JSON object of at most 32768 UTF-8 bytes.
         * @return this builder
         */
        public Builder document(String document) {
            this.document = document;
            return this;
        }

        /** @return the built value */
        public GetJobDocumentResponse build() {
            return new GetJobDocumentResponse(document);
        }
    }
}
