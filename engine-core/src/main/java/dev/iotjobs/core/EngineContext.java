package dev.iotjobs.core;

import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.ResourceNotFoundException;
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
 * hooks (document sources, presigned URLs, managed templates).
 */
record EngineContext(JobRepository repository, Clock clock, Scope scope, EngineLimits limits, CommitLoop commits,
                     DocumentSourceResolver documentSourceResolver, PresignedUrlSigner presignedUrlSigner,
                     ManagedJobTemplates managedJobTemplates) {

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
