package dev.iotjobs.core;

/**
 * Fetches a job document from its {@code documentSource} (an S3 URL in AWS); the host decides how (SPEC V4).
 * Without a resolver, CreateJob with {@code documentSource} is rejected.
 */
@FunctionalInterface
public interface DocumentSourceResolver {
    /**
     * @param documentSource the source as given to CreateJob
     * @return the document, a JSON object
     * @throws dev.iotjobs.api.error.InvalidRequestException if the source cannot be resolved
     */
    String resolve(String documentSource);
}
