package dev.iotjobs.api.control;

/**
 * The response of the control-plane operation {@code deleteJobTemplate}.
 *
 */
public record DeleteJobTemplateResponse() {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        return b;
    }

    /** Mutable builder of {@link DeleteJobTemplateResponse}. */
    public static final class Builder {
        private Builder() {
        }

        /** @return the built value */
        public DeleteJobTemplateResponse build() {
            return new DeleteJobTemplateResponse();
        }
    }
}
