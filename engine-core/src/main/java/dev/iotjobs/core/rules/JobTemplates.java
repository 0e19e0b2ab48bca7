package dev.iotjobs.core.rules;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateJobTemplateRequest;
import dev.iotjobs.api.control.CreateJobTemplateResponse;
import dev.iotjobs.api.control.DeleteJobTemplateResponse;
import dev.iotjobs.api.control.DescribeJobTemplateResponse;
import dev.iotjobs.api.error.ConflictException;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobTemplateSummary;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.JobTemplateRecord;
import io.vavr.control.Either;
import java.time.Instant;

/**
 * The pure rules of custom job templates (SPEC J14): creating one (from a document, a document source or an
 * existing job), deleting one, and turning a CreateJob request that names one into the request the job is made
 * from ({@link #apply}).
 */
public final class JobTemplates {
    private JobTemplates() {
    }

    /**
     * CreateJobTemplate (SPEC J14). With a source job, the template copies its document (its documentSource when it
     * has one) and configurations; each configuration given in the request replaces the copied one.
     *
     * @param request the validated request
     * @param existing the template already stored under that id, or null
     * @param sourceJob the job {@code jobArn} names, or null without {@code jobArn}
     * @param scope the engine's region and account
     * @param now the present
     * @return the decision, or {@link ConflictException} when the id is taken
     */
    public static Either<JobsException, Decision<CreateJobTemplateResponse>> create(
            CreateJobTemplateRequest request, JobTemplateRecord existing, JobRecord sourceJob, Scope scope,
            Instant now) {
        String arn = scope.jobTemplateArn(request.jobTemplateId());
        if (existing != null) {
            return Either.left(new ConflictException("jobTemplateId: job template " + request.jobTemplateId()
                    + " already exists", request.jobTemplateId()));
        }
        String document = request.document();
        String documentSource = request.documentSource();
        Job copied = Job.builder().build();
        if (sourceJob != null) {
            copied = sourceJob.job();
            // The job's source, not the text it resolved to, so that jobs made from the template fetch it anew.
            documentSource = sourceJob.documentSource();
            document = documentSource == null ? sourceJob.document() : null;
        }
        JobTemplateRecord template = new JobTemplateRecord(request.jobTemplateId(), arn, request.description(),
                document, documentSource,
                given(request.presignedUrlConfig(), copied.presignedUrlConfig()),
                given(request.jobExecutionsRolloutConfig(), copied.jobExecutionsRolloutConfig()),
                given(request.abortConfig(), copied.abortConfig()),
                given(request.timeoutConfig(), copied.timeoutConfig()),
                given(request.jobExecutionsRetryConfig(), copied.jobExecutionsRetryConfig()),
                request.tags(), now);
        return Either.right(new Decision<>(Changeset.builder().insertJobTemplate(template).build(),
                new CreateJobTemplateResponse(arn, request.jobTemplateId())));
    }

    /**
     * DeleteJobTemplate (SPEC J14): jobs made from the template keep what they took from it.
     *
     * @param template the stored template
     * @return the decision
     */
    public static Decision<DeleteJobTemplateResponse> delete(JobTemplateRecord template) {
        return new Decision<>(Changeset.builder().deleteJobTemplate(template.jobTemplateId()).build(),
                DeleteJobTemplateResponse.builder().build());
    }

    /**
     * SPEC J14: the CreateJob request a job is made from when it names a custom template. The job takes the
     * template's document (or documentSource), description and configurations; a description or configuration
     * given in the request replaces the template's member of the same name. Everything else (jobId, targets,
     * targetSelection, schedulingConfig, tags, namespaceId, jobTemplateArn) is the request's.
     *
     * @param template the template the request's {@code jobTemplateArn} names
     * @param request a validated request (without document or documentSource)
     * @return the effective request, with the template's document or documentSource
     */
    public static CreateJobRequest apply(JobTemplateRecord template, CreateJobRequest request) {
        return request.toBuilder()
                .document(template.document())
                .documentSource(template.documentSource())
                .description(given(request.description(), template.description()))
                .presignedUrlConfig(given(request.presignedUrlConfig(), template.presignedUrlConfig()))
                .jobExecutionsRolloutConfig(given(request.jobExecutionsRolloutConfig(),
                        template.jobExecutionsRolloutConfig()))
                .abortConfig(given(request.abortConfig(), template.abortConfig()))
                .timeoutConfig(given(request.timeoutConfig(), template.timeoutConfig()))
                .jobExecutionsRetryConfig(given(request.jobExecutionsRetryConfig(),
                        template.jobExecutionsRetryConfig()))
                .build();
    }

    /** @param template a stored template @return it as DescribeJobTemplate shows it */
    public static DescribeJobTemplateResponse describe(JobTemplateRecord template) {
        return new DescribeJobTemplateResponse(template.jobTemplateArn(), template.jobTemplateId(),
                template.description(), template.documentSource(), template.document(), template.createdAt(),
                template.presignedUrlConfig(), template.jobExecutionsRolloutConfig(), template.abortConfig(),
                template.timeoutConfig(), template.jobExecutionsRetryConfig());
    }

    /** @param template a stored template @return it as ListJobTemplates shows it */
    public static JobTemplateSummary summary(JobTemplateRecord template) {
        return new JobTemplateSummary(template.jobTemplateArn(), template.jobTemplateId(), template.description(),
                template.createdAt());
    }

    private static <T> T given(T requested, T fallback) {
        return requested != null ? requested : fallback;
    }
}
