package dev.iotjobs.api.control;


import dev.iotjobs.api.model.ManagedJobTemplateSummary;
import dev.iotjobs.api.model.Values;
import java.util.List;

/**
 * The response of the control-plane operation {@code listManagedJobTemplates}.
 *
 * @param managedJobTemplates The page of managed templates, by name then version.
 * @param nextToken The opaque token of the next page; absent on the last page.
 */
public record ListManagedJobTemplatesResponse(
        List<ManagedJobTemplateSummary> managedJobTemplates,
        String nextToken) {
    /** Normalizes absent lists and maps to empty ones. */
    public ListManagedJobTemplatesResponse {
        managedJobTemplates = Values.list(managedJobTemplates);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this value's members */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.managedJobTemplates = managedJobTemplates;
        b.nextToken = nextToken;
        return b;
    }

    /** Mutable builder of {@link ListManagedJobTemplatesResponse}. */
    public static final class Builder {
        private List<ManagedJobTemplateSummary> managedJobTemplates;
        private String nextToken;

        private Builder() {
        }

        /**
         * @param managedJobTemplates The page of managed templates, by name then version.
         * @return this builder
         */
        public Builder managedJobTemplates(List<ManagedJobTemplateSummary> managedJobTemplates) {
            this.managedJobTemplates = managedJobTemplates;
            return this;
        }

        /**
         * @param managedJobTemplates The page of managed templates, by name then version.
         * @return this builder
         */
        public Builder managedJobTemplates(ManagedJobTemplateSummary... managedJobTemplates) {
            this.managedJobTemplates = managedJobTemplates == null ? null : java.util.Arrays.asList(managedJobTemplates);
            return this;
        }

        /**
         * @param nextToken The opaque token of the next page; absent on the last page.
         * @return this builder
         */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        /** @return the built value */
        public ListManagedJobTemplatesResponse build() {
            return new ListManagedJobTemplatesResponse(managedJobTemplates, nextToken);
        }
    }
}
