package dev.iotjobs.api.control;


import dev.iotjobs.api.model.DocumentParameter;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The response of the control-plane operation {@code describeManagedJobTemplate}.
 *
 * @param templateName The template's name.
 * @param templateArn The template's ARN: {@code arn:aws:iot:{region}::jobtemplate/{name}:{version}}.
 * @param description What the template does.
 * @param templateVersion The template's version.
 * @param environments The environments the template's document runs in.
 * @param documentParameters The parameters CreateJob's {@code documentParameters} may give.
 * @param document The template's job document, with its {@code ${aws:iot:parameter:KEY}} placeholders.
 */
public record DescribeManagedJobTemplateResponse(
        String templateName,
        String templateArn,
        String description,
        String templateVersion,
        List<String> environments,
        List<DocumentParameter> documentParameters,
        String document) {
    /** Normalizes absent lists and maps to empty ones. */
    public DescribeManagedJobTemplateResponse {
        environments = Values.list(environments);
        documentParameters = Values.list(documentParameters);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.templateName = templateName;
        b.templateArn = templateArn;
        b.description = description;
        b.templateVersion = templateVersion;
        b.environments = environments;
        b.documentParameters = documentParameters;
        b.document = document;
        return b;
    }

    /** Mutable builder of {@link DescribeManagedJobTemplateResponse}. */
    public static final class Builder {
        private String templateName;
        private String templateArn;
        private String description;
        private String templateVersion;
        private List<String> environments;
        private List<DocumentParameter> documentParameters;
        private String document;

        private Builder() {
        }

        /**
         * @param templateName The template's name.
         * @return this builder
         */
        public Builder templateName(String templateName) {
            this.templateName = templateName;
            return this;
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
         * @param description What the template does.
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param templateVersion The template's version.
         * @return this builder
         */
        public Builder templateVersion(String templateVersion) {
            this.templateVersion = templateVersion;
            return this;
        }

        /**
         * @param environments The environments the template's document runs in.
         * @return this builder
         */
        public Builder environments(List<String> environments) {
            this.environments = environments;
            return this;
        }

        /**
         * @param environments The environments the template's document runs in.
         * @return this builder
         */
        public Builder environments(String... environments) {
            this.environments = environments == null ? null : java.util.Arrays.asList(environments);
            return this;
        }

        /**
         * @param documentParameters The parameters CreateJob's {@code documentParameters} may give.
         * @return this builder
         */
        public Builder documentParameters(List<DocumentParameter> documentParameters) {
            this.documentParameters = documentParameters;
            return this;
        }

        /**
         * @param documentParameters The parameters CreateJob's {@code documentParameters} may give.
         * @return this builder
         */
        public Builder documentParameters(DocumentParameter... documentParameters) {
            this.documentParameters = documentParameters == null ? null : java.util.Arrays.asList(documentParameters);
            return this;
        }

        /**
         * @param document The template's job document, with its {@code ${aws:iot:parameter:KEY}} placeholders.
         * @return this builder
         */
        public Builder document(String document) {
            this.document = document;
            return this;
        }

        /** @return the built value */
        public DescribeManagedJobTemplateResponse build() {
            return new DescribeManagedJobTemplateResponse(templateName, templateArn, description, templateVersion, environments, documentParameters, document);
        }
    }
}
