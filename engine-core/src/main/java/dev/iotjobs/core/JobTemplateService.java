package dev.iotjobs.core;

import static dev.iotjobs.core.EngineContext.valid;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateJobTemplateRequest;
import dev.iotjobs.api.control.CreateJobTemplateResponse;
import dev.iotjobs.api.control.DeleteJobTemplateRequest;
import dev.iotjobs.api.control.DeleteJobTemplateResponse;
import dev.iotjobs.api.control.DescribeJobTemplateRequest;
import dev.iotjobs.api.control.DescribeJobTemplateResponse;
import dev.iotjobs.api.control.ListJobTemplatesRequest;
import dev.iotjobs.api.control.ListJobTemplatesResponse;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.model.JobTemplateSummary;
import dev.iotjobs.core.rules.DocumentPlaceholders;
import dev.iotjobs.core.rules.JobTemplates;
import dev.iotjobs.core.rules.PageTokens;
import dev.iotjobs.core.rules.RequestValidation;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.JobTemplateListKey;
import dev.iotjobs.spi.JobTemplateRecord;
import dev.iotjobs.spi.Page;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * Custom job templates (SPEC J14): the four template operations of the control plane, and the lookup of the
 * template a CreateJob names ({@link #effectiveRequest}). Validate, then load, decide and commit.
 */
final class JobTemplateService {
    private final EngineContext ctx;

    JobTemplateService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * SPEC J14: the CreateJob request the job is made from. Without {@code jobTemplateArn}, the request itself;
     * with the ARN of a custom template of this engine, the request with the template's members where it gives
     * none ({@link JobTemplates#apply}). Any other template ARN (a managed template's has an empty account, J15)
     * names no template here.
     *
     * @param request a validated CreateJob request
     * @return the effective request
     * @throws ResourceNotFoundException naming {@code jobTemplateArn} if the template does not exist
     */
    CreateJobRequest effectiveRequest(CreateJobRequest request) {
        String arn = request.jobTemplateArn();
        if (arn == null) {
            return request;
        }
        Optional<String> customId = ctx.scope().customJobTemplateId(arn);
        if (customId.isPresent()) {
            JobTemplateRecord template = ctx.repository().findJobTemplate(customId.get())
                    .orElseThrow(() -> templateNotFound(arn));
            return JobTemplates.apply(template, request);
        }
        if (ManagedJobTemplates.isManagedArn(arn)) {
            return request;   // SPEC J15: the managed template's document is substituted by CreateJob itself
        }
        throw templateNotFound(arn);
    }

    CreateJobTemplateResponse create(CreateJobTemplateRequest request) {
        valid(RequestValidation.validate(request, ctx.limits(), ctx.scope()));
        String document = request.document();
        if (request.documentSource() != null) {
            // SPEC V4: a source that resolves, as at CreateJob
            document = ctx.resolveDocumentSource(request.documentSource());
        }
        if (document != null) {
            // SPEC J16: a document no job could be made from is refused now, not at every CreateJob.
            valid(DocumentPlaceholders.shapeProblem(request.documentSource() != null ? "documentSource" : "document",
                    document, document));
        }
        JobRecord sourceJob = request.jobArn() == null ? null : sourceJob(request.jobArn());
        return ctx.commits().run(() -> JobTemplates.create(request,
                ctx.repository().findJobTemplate(request.jobTemplateId()).orElse(null), sourceJob, ctx.scope(),
                ctx.now()));
    }

    DescribeJobTemplateResponse describe(DescribeJobTemplateRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        return JobTemplates.describe(template(request.jobTemplateId()));
    }

    ListJobTemplatesResponse list(ListJobTemplatesRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        JobTemplateListKey after = PageTokens.jobTemplatesAfter(request.nextToken());
        Page<JobTemplateRecord> page = ctx.repository().listJobTemplates(after, ctx.pageSize(request.maxResults()));
        List<JobTemplateSummary> summaries = page.items().stream().map(JobTemplates::summary).toList();
        String next = null;
        if (page.hasMore() && !page.items().isEmpty()) {
            next = PageTokens.jobTemplates(page.items().get(page.items().size() - 1).listKey());
        }
        return new ListJobTemplatesResponse(summaries, next);
    }

    DeleteJobTemplateResponse delete(DeleteJobTemplateRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        return ctx.commits().run(() -> Either.right(JobTemplates.delete(template(request.jobTemplateId()))));
    }

    /** SPEC J14: the job {@code jobArn} names, which must exist (in any status). */
    private JobRecord sourceJob(String jobArn) {
        String jobId = ctx.scope().jobId(jobArn).orElseThrow();   // validated: a job ARN of this scope
        return ctx.repository().findJob(jobId).orElseThrow(
                () -> new ResourceNotFoundException("jobArn: job " + jobId + " does not exist"));
    }

    private JobTemplateRecord template(String jobTemplateId) {
        return ctx.repository().findJobTemplate(jobTemplateId).orElseThrow(() -> new ResourceNotFoundException(
                "jobTemplateId: job template " + jobTemplateId + " does not exist"));
    }

    private static ResourceNotFoundException templateNotFound(String arn) {
        return new ResourceNotFoundException("jobTemplateArn: job template " + arn + " does not exist");
    }
}
