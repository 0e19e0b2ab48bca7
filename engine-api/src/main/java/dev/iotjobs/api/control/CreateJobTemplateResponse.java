package dev.iotjobs.api.control;

/**
 * The response of the control-plane operation {@code createJobTemplate}.
 *
 * @param jobTemplateArn The job template's ARN: {@code arn:aws:iot:{region}:{account}:jobtemplate/{jobTemplateId}}.
 * @param jobTemplateId The job template's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 */
public record CreateJobTemplateResponse(
        String jobTemplateArn,
        String jobTemplateId) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobTemplateArn = jobTemplateArn;
        b.jobTemplateId = jobTemplateId;
        return b;
    }

    /** Mutable builder of {@link CreateJobTemplateResponse}. */
    public static final class Builder {
        private String jobTemplateArn;
        private String jobTemplateId;

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

        /** @return the built value */
        public CreateJobTemplateResponse build() {
            return new CreateJobTemplateResponse(jobTemplateArn, jobTemplateId);
        }
    }
}
