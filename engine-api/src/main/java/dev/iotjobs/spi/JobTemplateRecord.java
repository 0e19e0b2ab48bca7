package dev.iotjobs.spi;

import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.api.model.Values;
import java.time.Instant;
import java.util.List;

/**
 * A stored custom job template (SPEC J14). Templates never change once created: they are inserted and deleted,
 * never updated, so they carry no version.
 *
 * @param jobTemplateId its id
 * @param jobTemplateArn its ARN
 * @param description its description
 * @param document the job document, or null when the template has a {@code documentSource}
 * @param documentSource where the document lives, or null when the template has a {@code document}
 * @param presignedUrlConfig the jobs' presigned-URL settings, or null
 * @param jobExecutionsRolloutConfig the jobs' rollout, or null
 * @param abortConfig the jobs' abort criteria, or null
 * @param timeoutConfig the jobs' in-progress timeout, or null
 * @param jobExecutionsRetryConfig the jobs' retries, or null
 * @param tags the template's own tags, given at creation
 * @param createdAt when it was created; templates are listed by it, then by id
 */
public record JobTemplateRecord(String jobTemplateId, String jobTemplateArn, String description, String document,
                                String documentSource, PresignedUrlConfig presignedUrlConfig,
                                JobExecutionsRolloutConfig jobExecutionsRolloutConfig, AbortConfig abortConfig,
                                TimeoutConfig timeoutConfig, JobExecutionsRetryConfig jobExecutionsRetryConfig,
                                List<Tag> tags, Instant createdAt) {
    /** Normalizes absent values. */
    public JobTemplateRecord {
        tags = Values.list(tags);
    }

    /** @return its place in the listing */
    public JobTemplateListKey listKey() {
        return new JobTemplateListKey(createdAt, jobTemplateId);
    }
}
