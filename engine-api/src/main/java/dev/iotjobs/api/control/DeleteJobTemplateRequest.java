package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code deleteJobTemplate}.
 *
 * @param jobTemplateId The job template's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 */
public record DeleteJobTemplateRequest(
        String jobTemplateId) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobTemplateId = jobTemplateId;
        return b;
    }

    /** Mutable builder of {@link DeleteJobTemplateRequest}. */
    public static final class Builder {
        private String jobTemplateId;

        private Builder() {
        }

        /**
         * @param jobTemplateId The job template's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
         * @return this builder
         */
        public Builder jobTemplateId(String jobTemplateId) {
            this.jobTemplateId = jobTemplateId;
            return this;
        }

        /** @return the built value */
        public DeleteJobTemplateRequest build() {
            return new DeleteJobTemplateRequest(jobTemplateId);
        }
    }
}
