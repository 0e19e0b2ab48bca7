package dev.iotjobs.core;

import dev.iotjobs.api.model.DocumentParameter;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * A managed job template the host registers with {@link JobsEngine.Builder#managedJobTemplate}: a ready-made job
 * document whose {@code ${aws:iot:parameter:KEY}} placeholders CreateJob fills in from its
 * {@code documentParameters} (SPEC J15). {@link JobsEngine.Builder#build()} checks every member.
 *
 * @param templateName the name, 1..64 characters without {@code :} or {@code /}, such as {@code Acme-Update}
 * @param templateVersion the version, such as {@code 1.0}: digits 1-9, one character, digits
 *     ({@code ^[1-9]+.[0-9]+})
 * @param description what it does (at most 2028 printable characters)
 * @param environments the environments its document runs in, such as {@code LINUX}
 * @param document the job document: a JSON object of at most 32768 UTF-8 bytes
 * @param documentParameters the parameters of the document: each key used in it appears here once
 */
public record ManagedJobTemplate(
        String templateName,
        String templateVersion,
        String description,
        List<String> environments,
        String document,
        List<DocumentParameter> documentParameters) {
    /** Normalizes absent lists to empty ones. */
    public ManagedJobTemplate {
        environments = Values.list(environments);
        documentParameters = Values.list(documentParameters);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder of {@link ManagedJobTemplate}. */
    public static final class Builder {
        private String templateName;
        private String templateVersion;
        private String description;
        private List<String> environments;
        private String document;
        private List<DocumentParameter> documentParameters;

        private Builder() {
        }

        /** @param templateName the name @return this builder */
        public Builder templateName(String templateName) {
            this.templateName = templateName;
            return this;
        }

        /** @param templateVersion the version, such as {@code 1.0} @return this builder */
        public Builder templateVersion(String templateVersion) {
            this.templateVersion = templateVersion;
            return this;
        }

        /** @param description what it does @return this builder */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param environments the environments its document runs in @return this builder */
        public Builder environments(String... environments) {
            this.environments = environments == null ? null : List.of(environments);
            return this;
        }

        /** @param environments the environments its document runs in @return this builder */
        public Builder environments(List<String> environments) {
            this.environments = environments;
            return this;
        }

        /** @param document the job document @return this builder */
        public Builder document(String document) {
            this.document = document;
            return this;
        }

        /** @param documentParameters the document's parameters @return this builder */
        public Builder documentParameters(DocumentParameter... documentParameters) {
            this.documentParameters = documentParameters == null ? null : List.of(documentParameters);
            return this;
        }

        /** @param documentParameters the document's parameters @return this builder */
        public Builder documentParameters(List<DocumentParameter> documentParameters) {
            this.documentParameters = documentParameters;
            return this;
        }

        /** @return the built value */
        public ManagedJobTemplate build() {
            return new ManagedJobTemplate(templateName, templateVersion, description, environments, document,
                    documentParameters);
        }
    }
}
