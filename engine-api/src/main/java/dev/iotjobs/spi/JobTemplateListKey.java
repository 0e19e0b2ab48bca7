package dev.iotjobs.spi;

import java.time.Instant;

/**
 * The place of a job template in {@link JobRepository#listJobTemplates}: {@code createdAt}, then
 * {@code jobTemplateId}.
 *
 * @param createdAt the template's creation time
 * @param jobTemplateId the template's id
 */
public record JobTemplateListKey(Instant createdAt, String jobTemplateId) {
}
