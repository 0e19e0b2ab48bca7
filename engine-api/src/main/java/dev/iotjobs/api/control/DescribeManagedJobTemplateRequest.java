package dev.iotjobs.api.control;

/**
 * The request of the control-plane operation {@code describeManagedJobTemplate}.
 *
 * @param templateName The template's name (required, 1..64 characters).
 * @param templateVersion The version to describe, matching {@code ^[1-9]+.[0-9]+}; the latest when absent.
 */
public record DescribeManagedJobTemplateRequest(
        String templateName,
        String templateVersion) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.templateName = templateName;
        b.templateVersion = templateVersion;
        return b;
    }

    /** Mutable builder of {@link DescribeManagedJobTemplateRequest}. */
    public static final class Builder {
        private String templateName;
        private String templateVersion;

        private Builder() {
        }

        /**
         * @param templateName The template's name (required, 1..64 characters).
         * @return this builder
         */
        public Builder templateName(String templateName) {
            this.templateName = templateName;
            return this;
        }

        /**
         * @param templateVersion The version to describe, matching {@code ^[1-9]+.[0-9]+}; the latest when absent.
         * @return this builder
         */
        public Builder templateVersion(String templateVersion) {
            this.templateVersion = templateVersion;
            return this;
        }

        /** @return the built value */
        public DescribeManagedJobTemplateRequest build() {
            return new DescribeManagedJobTemplateRequest(templateName, templateVersion);
        }
    }
}
