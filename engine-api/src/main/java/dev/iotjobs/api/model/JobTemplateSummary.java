package dev.iotjobs.api.model;

import java.time.Instant;

/**
 * A job template as listed by {@code listJobTemplates}.
 *
 * @param jobTemplateArn The job template's ARN: {@code arn:aws:iot:{region}:{account}:jobtemplate/{jobTemplateId}}.
 * @param jobTemplateId The job template's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param description A free-text description (at most 2028 printable characters).
 * @param createdAt When it was created.
 */
public record JobTemplateSummary(
        String jobTemplateArn,
        String jobTemplateId,
        String description,
        Instant createdAt) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobTemplateArn = jobTemplateArn;
        b.jobTemplateId = jobTemplateId;
        b.description = description;
        b.createdAt = createdAt;
        return b;
    }

    /** Mutable builder of {@link JobTemplateSummary}. */
    public static final class Builder {
        private String jobTemplateArn;
        private String jobTemplateId;
        private String description;
        private Instant createdAt;

        private Builder() {
        }

        /**
         * @param jobTemplateArn The job template's ARN: {@code arn:aws:iot:{region}:{account}:jobtemplate/{jobTemplateId}}.
         * @return this builder
         */
        public Builder jobTemplateArn(String jobTemplateArn) {
            this.jobTemplateArn = jobTemplateArn;
            return this;
        }

        /**
         * @param jobTemplateId The job template's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
         * @return this builder
         */
        public Builder jobTemplateId(String jobTemplateId) {
            this.jobTemplateId = jobTemplateId;
            return this;
        }

        /**
         * @param description A free-text description (at most 2028 printable characters).
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param createdAt When it was created.
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** @return the built value */
        public JobTemplateSummary build() {
            return new JobTemplateSummary(jobTemplateArn, jobTemplateId, description, createdAt);
        }
    }
}
