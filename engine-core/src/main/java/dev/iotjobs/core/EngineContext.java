package dev.iotjobs.core;

import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.core.rules.RequestValidation;
import dev.iotjobs.core.rules.Scope;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.ThingRecord;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.RolloutTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What every part of the engine shares: the store, the clock, the scope, the limits, the commit loop and the host's
 * hooks (document sources, presigned URLs, managed templates), and the most executions one commit of work on many
 * executions may touch (SPEC C4: {@code batchSize}).
 */
record EngineContext(JobRepository repository, Clock clock, Scope scope, EngineLimits limits, CommitLoop commits,
                     DocumentSourceResolver documentSourceResolver, PresignedUrlSigner presignedUrlSigner,
                     ManagedJobTemplates managedJobTemplates, int batchSize) {

    /** @return the present, truncated to milliseconds as SPEC's "now" is */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Throws the validation failure, if any (SPEC V1, V2: before anything is read or changed). */
    static void valid(Optional<InvalidRequestException> failure) {
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /**
     * SPEC V4: fetches a document from its source through the host's resolver and checks it as a document.
     *
     * @param documentSource the source, as given
     * @return the document
     * @throws InvalidRequestException if the engine has no resolver, the source cannot be resolved or does not
     *     resolve to a valid document
     */
    String resolveDocumentSource(String documentSource) {
        if (documentSourceResolver == null) {
            throw new InvalidRequestException("documentSource: this engine has no DocumentSourceResolver; "
                    + "give the document itself");
        }
        String resolved;
        try {
            resolved = documentSourceResolver.resolve(documentSource);
        } catch (JobsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRequestException("documentSource: could not be resolved: " + e.getMessage());
        }
        valid(RequestValidation.document("documentSource", resolved, limits));
        return resolved;
    }

    /** @return the job, which must exist */
    JobRecord job(String jobId) {
        return repository.findJob(jobId).orElseThrow(() -> jobNotFound(jobId));
    }

    /** @return the thing, which must exist */
    ThingRecord thing(String thingName) {
        return repository.findThing(thingName).orElseThrow(
                () -> new ResourceNotFoundException("thingName: thing " + thingName + " does not exist"));
    }

    /** @param job a job as read @return every thing it holds back for its rollout (SPEC T7), to release them */
    List<RolloutTarget> heldBack(JobRecord job) {
        return job.heldBack() > 0 ? repository.rolloutTargets(job.jobId(), job.heldBack()) : List.of();
    }

    static ResourceNotFoundException jobNotFound(String jobId) {
        return new ResourceNotFoundException("jobId: job " + jobId + " does not exist");
    }

    static ResourceNotFoundException executionNotFound(String jobId, String thingName, Long executionNumber) {
        return new ResourceNotFoundException("no execution" + (executionNumber == null ? "" : " " + executionNumber)
                + " of job " + jobId + " on thing " + thingName);
    }

    int pageSize(Integer maxResults) {
        return maxResults == null ? limits.defaultMaxResults() : maxResults;
    }
}
