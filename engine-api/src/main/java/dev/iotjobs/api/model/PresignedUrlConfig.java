package dev.iotjobs.api.model;

/**
 * Configuration of pre-signed S3 URLs in job documents (echoed as given).
 *
 * @param roleArn The IAM role that grants access to the files (echoed).
 * @param expiresInSec How long pre-signed URLs are valid, 60..3600 seconds.
 */
public record PresignedUrlConfig(
        String roleArn,
        Long expiresInSec) {
    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.roleArn = roleArn;
        b.expiresInSec = expiresInSec;
        return b;
    }

    /** Mutable builder of {@link PresignedUrlConfig}. */
    public static final class Builder {
        private String roleArn;
        private Long expiresInSec;

        private Builder() {
        }

        /**
         * @param roleArn The IAM role that grants access to the files (echoed).
         * @return this builder
         */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /**
         * @param expiresInSec How long pre-signed URLs are valid, 60..3600 seconds.
         * @return this builder
         */
        public Builder expiresInSec(Long expiresInSec) {
            this.expiresInSec = expiresInSec;
            return this;
        }

        /** @return the built value */
        public PresignedUrlConfig build() {
            return new PresignedUrlConfig(roleArn, expiresInSec);
        }
    }
}
