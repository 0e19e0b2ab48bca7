package dev.iotjobs.api.control;

import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The request of the control-plane operation {@code associateTargetsWithJob}.
 *
 * @param targets Thing and thing-group ARNs the job targets (1..100 ARNs).
 * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
 * @param comment A comment about the change (at most 2028 printable characters).
 * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
 */
public record AssociateTargetsWithJobRequest(
        List<String> targets,
        String jobId,
        String comment,
        String namespaceId) {
    /** Normalizes absent lists and maps to empty ones. */
    public AssociateTargetsWithJobRequest {
        targets = Values.list(targets);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.targets = targets;
        b.jobId = jobId;
        b.comment = comment;
        b.namespaceId = namespaceId;
        return b;
    }

    /** Mutable builder of {@link AssociateTargetsWithJobRequest}. */
    public static final class Builder {
        private List<String> targets;
        private String jobId;
        private String comment;
        private String namespaceId;

        private Builder() {
        }

        /**
         * @param targets Thing and thing-group ARNs the job targets (1..100 ARNs).
         * @return this builder
         */
        public Builder targets(List<String> targets) {
            this.targets = targets;
            return this;
        }

        /**
         * @param targets Thing and thing-group ARNs the job targets (1..100 ARNs).
         * @return this builder
         */
        public Builder targets(String... targets) {
            this.targets = targets == null ? null : java.util.Arrays.asList(targets);
            return this;
        }

        /**
         * @param jobId The job's identifier: 1..64 characters of {@code [a-zA-Z0-9_-]}.
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /**
         * @param comment A comment about the change (at most 2028 printable characters).
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /**
         * @param namespaceId The namespace (accepted and echoed; jobs live in one namespace).
         * @return this builder
         */
        public Builder namespaceId(String namespaceId) {
            this.namespaceId = namespaceId;
            return this;
        }

        /** @return the built value */
        public AssociateTargetsWithJobRequest build() {
            return new AssociateTargetsWithJobRequest(targets, jobId, comment, namespaceId);
        }
    }
}
