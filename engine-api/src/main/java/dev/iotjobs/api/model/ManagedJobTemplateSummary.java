package dev.iotjobs.api.model;


import java.util.List;

/**
 * A managed job template as ListManagedJobTemplates lists it (SPEC J15).
 *
 * @param templateArn The template's ARN: {@code arn:aws:iot:{region}::jobtemplate/{name}:{version}}.
 * @param templateName The template's name, such as {@code AWS-Reboot}.
 * @param description What the template does.
 * @param environments The environments the template's document runs in, such as {@code LINUX}.
 * @param templateVersion The template's version, such as {@code 1.0}.
 */
public record ManagedJobTemplateSummary(
        String templateArn,
        String templateName,
        String description,
        List<String> environments,
        String templateVersion) {
    /** Normalizes absent lists and maps to empty ones. */
    public ManagedJobTemplateSummary {
        environments = Values.list(environments);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.templateArn = templateArn;
        b.templateName = templateName;
        b.description = description;
        b.environments = environments;
        b.templateVersion = templateVersion;
        return b;
    }

    /** Mutable builder of {@link ManagedJobTemplateSummary}. */
    public static final class Builder {
        private String templateArn;
        private String templateName;
        private String description;
        private List<String> environments;
        private String templateVersion;

        private Builder() {
        }

        /**
         * @param templateArn The template's ARN: {@code arn:aws:iot:{region}::jobtemplate/{name}:{version}}.
         * @return this builder
         */
        public Builder templateArn(String templateArn) {
            this.templateArn = templateArn;
            return this;
        }

        /**
         * @param templateName The template's name, such as {@code AWS-Reboot}.
         * @return this builder
         */
        public Builder templateName(String templateName) {
            this.templateName = templateName;
            return this;
        }

        /**
         * @param description What the template does.
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param environments The environments the template's document runs in, such as {@code LINUX}.
         * @return this builder
         */
        public Builder environments(List<String> environments) {
            this.environments = environments;
            return this;
        }

        /**
         * @param environments The environments the template's document runs in, such as {@code LINUX}.
         * @return this builder
         */
        public Builder environments(String... environments) {
            this.environments = environments == null ? null : java.util.Arrays.asList(environments);
            return this;
        }

        /**
         * @param templateVersion The template's version, such as {@code 1.0}.
         * @return this builder
         */
        public Builder templateVersion(String templateVersion) {
            this.templateVersion = templateVersion;
            return this;
        }

        /** @return the built value */
        public ManagedJobTemplateSummary build() {
            return new ManagedJobTemplateSummary(templateArn, templateName, description, environments, templateVersion);
        }
    }
}
