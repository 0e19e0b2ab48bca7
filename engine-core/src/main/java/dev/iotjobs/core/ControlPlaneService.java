package dev.iotjobs.core;

import static dev.iotjobs.core.EngineContext.executionNotFound;
import static dev.iotjobs.core.EngineContext.valid;

import dev.iotjobs.api.JobsControlPlane;
import dev.iotjobs.api.control.*;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.model.JobExecutionSummaryForJob;
import dev.iotjobs.api.model.JobExecutionSummaryForThing;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.JobSummary;
import dev.iotjobs.api.model.ManagedJobTemplateSummary;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.core.rules.ConcurrentWork;
import dev.iotjobs.core.rules.DocumentPlaceholders;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.ExecutionRules;
import dev.iotjobs.core.rules.ExpansionSteps;
import dev.iotjobs.core.rules.JobRules;
import dev.iotjobs.core.rules.PageTokens;
import dev.iotjobs.core.rules.RequestValidation;
import dev.iotjobs.core.rules.ScheduleTimes;
import dev.iotjobs.core.rules.Views;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobFilter;
import dev.iotjobs.spi.JobListKey;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.TargetExpansion;
import dev.iotjobs.spi.ThingExecutionsKey;
import dev.iotjobs.spi.ThingGroupRecord;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** The jobs control plane: validate, then load, decide and commit. */
final class ControlPlaneService implements JobsControlPlane {
    private final EngineContext ctx;
    private final TargetExpander targets;
    private final Overdue overdue;
    private final Cancellations cancellations;
    private final JobTemplateService templates;

    ControlPlaneService(EngineContext ctx, TargetExpander targets, Overdue overdue, Cancellations cancellations) {
        this.ctx = ctx;
        this.targets = targets;
        this.overdue = overdue;
        this.cancellations = cancellations;
        this.templates = new JobTemplateService(ctx);
    }

    @Override
    public CreateJobResponse createJob(CreateJobRequest given) {
        valid(RequestValidation.validate(given, ctx.limits(), ctx.scope()));
        if (!given.documentParameters().isEmpty() && !ManagedJobTemplates.isManagedArn(given.jobTemplateArn())) {
            // SPEC J15: before any template is looked up, so that a custom template's ARN gets this answer too.
            throw new InvalidRequestException("documentParameters: can be given only with the jobTemplateArn "
                    + "of a managed template (arn:aws:iot:{region}::jobtemplate/{name}:{version})");
        }
        CreateJobRequest request = templates.effectiveRequest(given);   // SPEC J14: a custom template's members
        JobDocument document = jobDocument(request);
        Instant startTime = request.schedulingConfig() == null || request.schedulingConfig().startTime() == null
                ? null : ScheduleTimes.parse(request.schedulingConfig().startTime()).orElseThrow();
        return ctx.commits().run(() -> {
            Instant now = ctx.now();
            JobRecord existing = ctx.repository().findJob(request.jobId()).orElse(null);
            if (existing != null) {
                return JobRules.create(request, existing, document.text(), startTime, new TreeMap<>(), ctx.scope(),
                        now);
            }
            // SPEC J3, C4: the first batch of things now, the rest owed to due work. SPEC G2: a join committed after
            // this expansion read a CONTINUOUS job's group makes this commit stale.
            boolean guarded = request.targetSelection() == TargetSelection.CONTINUOUS
                    && (startTime == null || !startTime.isAfter(now));
            Map<String, Long> revisions = new HashMap<>();
            List<Integer> all = IntStream.range(0, request.targets().size()).boxed().toList();
            TargetExpander.Slice first = targets.slice(request.targets(), all, null, ctx.batchSize(), false,
                    guarded ? revisions : null);
            return JobRules.create(request, null, document.text(), document.beforeSubstitution(), startTime,
                            first.things(), ExpansionSteps.owed(all, first.last(), first.more()), ctx.scope(), now)
                    .map(decision -> new Decision<>(decision.changes().expectingGroupMemberships(revisions),
                            decision.response()));
        });
    }

    /**
     * The document a new job stores, and the managed template's document it came from, if any.
     *
     * @param text the job document to store
     * @param beforeSubstitution the managed template's document before substitution, or null (SPEC J15)
     */
    private record JobDocument(String text, String beforeSubstitution) {
    }

    /**
     * SPEC J15, J16, V4: the document of a new job: the managed template's with its parameters substituted, or
     * the document given or fetched from its source; checked for its substitution patterns.
     */
    private JobDocument jobDocument(CreateJobRequest request) {
        ManagedJobTemplate managed = managedTemplate(request);
        JobDocument document;
        if (managed != null) {
            String name = managed.templateName() + ":" + managed.templateVersion();
            String substituted = DocumentPlaceholders.substitute(name, managed.document(),
                    managed.documentParameters(), request.documentParameters()).getOrElseThrow(e -> e);
            valid(RequestValidation.document("documentParameters", substituted, ctx.limits()));
            document = new JobDocument(substituted, managed.document());
        } else {
            // A custom template's document is in the request by now (SPEC J14, JobTemplateService).
            document = new JobDocument(document(request), null);
        }
        String original = document.beforeSubstitution() == null ? document.text() : document.beforeSubstitution();
        valid(DocumentPlaceholders.problem(original, document.text(), request.presignedUrlConfig(),
                ctx.presignedUrlSigner() != null));
        return document;
    }

    /** SPEC J15: the managed template a {@code jobTemplateArn} names, or null when it is not a managed one. */
    private ManagedJobTemplate managedTemplate(CreateJobRequest request) {
        if (!ManagedJobTemplates.isManagedArn(request.jobTemplateArn())) {
            return null;
        }
        return ctx.managedJobTemplates().byArn(request.jobTemplateArn(), ctx.scope()).orElseThrow(
                () -> new ResourceNotFoundException("jobTemplateArn: managed job template "
                        + request.jobTemplateArn() + " does not exist"));
    }

    /** SPEC V4: the document as given, or fetched from its source by the host's resolver. */
    private String document(CreateJobRequest request) {
        if (request.document() != null) {
            return request.document();
        }
        return ctx.resolveDocumentSource(request.documentSource());
    }

    @Override
    public DescribeJobResponse describeJob(DescribeJobRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        overdue.timeOutAllDue();   // the counters of the present (SPEC T3)
        JobRecord job = ctx.job(request.jobId());
        return new DescribeJobResponse(job.documentSource(), ConcurrentWork.job(job));
    }

    @Override
    public ListJobsResponse listJobs(ListJobsRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        JobListKey after = PageTokens.jobsAfter(request.nextToken());
        String groupArn = request.thingGroupName() == null ? null : ctx.scope().thingGroupArn(request.thingGroupName());
        // AWS fills JobSummary.thingGroupId only in a listing filtered by a group: with that group's id.
        String groupId = null;
        if (request.thingGroupId() != null) {
            var group = ctx.repository().findThingGroupById(request.thingGroupId());
            if (group.isEmpty() || (groupArn != null && !groupArn.equals(group.get().thingGroupArn()))) {
                return new ListJobsResponse(List.of(), null);
            }
            groupArn = group.get().thingGroupArn();
            groupId = group.get().thingGroupId();
        } else if (request.thingGroupName() != null) {
            groupId = ctx.repository().findThingGroup(request.thingGroupName())
                    .map(ThingGroupRecord::thingGroupId).orElse(null);
        }
        Page<JobRecord> page = ctx.repository().listJobs(
                new JobFilter(request.status(), request.targetSelection(), groupArn), after,
                ctx.pageSize(request.maxResults()));
        String thingGroupId = groupId;
        List<JobSummary> jobs = page.items().stream()
                .map(job -> ConcurrentWork.summary(job).toBuilder().thingGroupId(thingGroupId).build()).toList();
        String next = null;
        if (page.hasMore() && !jobs.isEmpty()) {
            JobSummary last = jobs.get(jobs.size() - 1);
            next = PageTokens.jobs(new JobListKey(last.createdAt(), last.jobId()));
        }
        return new ListJobsResponse(jobs, next);
    }

    @Override
    public UpdateJobResponse updateJob(UpdateJobRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        return ctx.commits().run(() -> JobRules.update(ctx.job(request.jobId()), request, ctx.now()));
    }

    @Override
    public CancelJobResponse cancelJob(CancelJobRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        return cancellations.cancel(request);
    }

    @Override
    public DeleteJobResponse deleteJob(DeleteJobRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        int max = ctx.limits().maxJobsInDeletion();
        return ctx.commits().run(() -> {
            JobRecord job = ctx.job(request.jobId());
            int inDeletion = ctx.repository().listJobs(
                    new JobFilter(JobStatus.DELETION_IN_PROGRESS, null, null), null, max).items().size();
            return JobRules.delete(job, Boolean.TRUE.equals(request.force()), inDeletion, max, ctx.now());
        });
    }

    @Override
    public AssociateTargetsWithJobResponse associateTargetsWithJob(AssociateTargetsWithJobRequest request) {
        valid(RequestValidation.validate(request, ctx.limits(), ctx.scope()));
        return ctx.commits().run(() -> {
            JobRecord job = ctx.job(request.jobId());
            if (job.job().targetSelection() != TargetSelection.CONTINUOUS
                    || job.job().status() != JobStatus.IN_PROGRESS) {
                return Either.left(new InvalidRequestException("jobId: targets can be added only to a CONTINUOUS "
                        + "IN_PROGRESS job; job " + job.jobId() + " is " + job.job().targetSelection() + " "
                        + job.job().status()));
            }
            // Positions are those of the job's targets once the new ones are appended.
            List<String> combined = JobRules.withTargets(job.job().targets(), request.targets());
            Map<String, Long> revisions = new HashMap<>();   // SPEC G2, as at CreateJob
            // SPEC C4: the first batch of the things the new targets reach now, the rest owed to due work.
            List<Integer> added = request.targets().stream().map(combined::indexOf).distinct().sorted().toList();
            TargetExpander.Slice first = targets.slice(combined, added, null, ctx.batchSize(), false, revisions);
            SortedMap<String, List<Integer>> reached = first.things();
            TargetExpansion owed = owedAfterAssociate(job.expansion(), added, first);
            Map<String, RolloutTarget> heldBack = new HashMap<>();
            if (job.heldBack() > 0) {
                ctx.repository().rolloutTargets(job.jobId(), reached.keySet())
                        .forEach(target -> heldBack.put(target.thingName(), target));
            }
            SortedMap<String, List<Integer>> newThings = new TreeMap<>();
            List<RolloutTarget> retargeted = new ArrayList<>();
            List<List<Integer>> addedReach = new ArrayList<>();
            reached.forEach((thing, reach) -> {
                RolloutTarget held = heldBack.get(thing);
                if (held != null) {
                    List<Integer> more = reach.stream().filter(i -> !held.targetIndexes().contains(i)).toList();
                    if (!more.isEmpty()) {
                        List<Integer> all = new ArrayList<>(held.targetIndexes());
                        all.addAll(more);
                        retargeted.add(new RolloutTarget(held.jobId(), thing, all.stream().sorted().toList()));
                        addedReach.add(more);
                    }
                } else if (ctx.repository().findExecution(job.jobId(), thing, null).isEmpty()) {
                    newThings.put(thing, reach);
                }
            });
            return JobRules.associateTargets(job, request, newThings, retargeted, addedReach, owed,
                    ctx.limits().maxTargets(), ctx.now()).map(decision -> new Decision<>(
                            decision.changes().expectingGroupMemberships(revisions), decision.response()));
        });
    }

    /**
     * SPEC C4: the expansion a CONTINUOUS job owes after AssociateTargetsWithJob expanded the first batch of its new
     * targets. With one owed already, both go on from the earlier of their two places; the expansion skips the things
     * it reached before (a CONTINUOUS job's expansion reaches each thing once).
     */
    private static TargetExpansion owedAfterAssociate(TargetExpansion before, List<Integer> added,
                                                      TargetExpander.Slice first) {
        TargetExpansion after = ExpansionSteps.owed(added, first.last(), first.more());
        if (before == null) {
            return after;
        }
        List<Integer> indexes = new ArrayList<>(before.targetIndexes());
        added.stream().filter(i -> !indexes.contains(i)).forEach(indexes::add);
        String from = before.afterThing();   // null: from the first thing
        if (after != null && from != null && after.afterThing().compareTo(from) < 0) {
            from = after.afterThing();
        }
        return new TargetExpansion(indexes.stream().sorted().toList(), from);
    }

    @Override
    public GetJobDocumentResponse getJobDocument(GetJobDocumentRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        JobRecord job = ctx.job(request.jobId());
        boolean before = Boolean.TRUE.equals(request.beforeSubstitution()) && job.documentBeforeSubstitution() != null;
        return new GetJobDocumentResponse(before ? job.documentBeforeSubstitution() : job.document());
    }

    @Override
    public ListManagedJobTemplatesResponse listManagedJobTemplates(ListManagedJobTemplatesRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        List<ManagedJobTemplate> all = ctx.managedJobTemplates().all();
        int from = 0;
        String[] after = PageTokens.managedJobTemplatesAfter(request.nextToken());
        if (after != null) {
            from = -1;
            for (int i = 0; i < all.size() && from < 0; i++) {
                if (all.get(i).templateName().equals(after[0]) && all.get(i).templateVersion().equals(after[1])) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw new InvalidRequestException("nextToken: is not a token this listing issued");
            }
        }
        int size = ctx.pageSize(request.maxResults());
        List<ManagedJobTemplate> page = new ArrayList<>();
        boolean more = false;
        for (int i = from; i < all.size(); i++) {
            ManagedJobTemplate t = all.get(i);
            if (request.templateName() == null || request.templateName().equals(t.templateName())) {
                if (page.size() == size) {
                    more = true;
                    break;
                }
                page.add(t);
            }
        }
        String next = null;
        if (more) {
            ManagedJobTemplate last = page.get(page.size() - 1);
            next = PageTokens.managedJobTemplates(last.templateName(), last.templateVersion());
        }
        return new ListManagedJobTemplatesResponse(page.stream().map(t -> new ManagedJobTemplateSummary(
                ManagedJobTemplates.arn(t, ctx.scope()), t.templateName(), t.description(), t.environments(),
                t.templateVersion())).toList(), next);
    }

    @Override
    public DescribeManagedJobTemplateResponse describeManagedJobTemplate(DescribeManagedJobTemplateRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        ManagedJobTemplate t = ctx.managedJobTemplates().find(request.templateName(), request.templateVersion())
                .orElseThrow(() -> new ResourceNotFoundException("templateName: managed job template "
                        + request.templateName() + (request.templateVersion() == null ? ""
                        : " version " + request.templateVersion()) + " does not exist"));
        return new DescribeManagedJobTemplateResponse(t.templateName(), ManagedJobTemplates.arn(t, ctx.scope()),
                t.description(), t.templateVersion(), t.environments(), t.documentParameters(), t.document());
    }

    @Override
    public DescribeJobExecutionResponse describeJobExecution(DescribeJobExecutionRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        Instant now = ctx.now();
        ExecutionRecord execution;
        do {
            execution = ctx.repository()
                    .findExecution(request.jobId(), request.thingName(), request.executionNumber())
                    .orElseThrow(() -> executionNotFound(request.jobId(), request.thingName(),
                            request.executionNumber()));
        } while (overdue.timeOutAny(List.of(execution), now));
        return new DescribeJobExecutionResponse(Views.execution(execution,
                ctx.scope().thingArn(execution.thingName()), null, now));
    }

    @Override
    public ListJobExecutionsForJobResponse listJobExecutionsForJob(ListJobExecutionsForJobRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        JobExecutionsKey after = PageTokens.jobExecutionsAfter(request.nextToken());
        ctx.job(request.jobId());
        Page<ExecutionRecord> page;
        do {
            page = ctx.repository().listExecutionsForJob(request.jobId(), request.status(), after,
                    ctx.pageSize(request.maxResults()));
        } while (overdue.timeOutAny(page.items()));
        List<JobExecutionSummaryForJob> summaries = page.items().stream()
                .map(e -> new JobExecutionSummaryForJob(ctx.scope().thingArn(e.thingName()), Views.listedSummary(e)))
                .toList();
        String next = null;
        if (page.hasMore() && !page.items().isEmpty()) {
            ExecutionRecord last = page.items().get(page.items().size() - 1);
            next = PageTokens.jobExecutions(new JobExecutionsKey(last.thingName(), last.executionNumber()));
        }
        return new ListJobExecutionsForJobResponse(summaries, next);
    }

    @Override
    public ListJobExecutionsForThingResponse listJobExecutionsForThing(ListJobExecutionsForThingRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        ThingExecutionsKey after = PageTokens.thingExecutionsAfter(request.nextToken());
        ctx.thing(request.thingName());   // an unknown thing is ResourceNotFoundException, as in the data plane (X12)
        Page<ExecutionRecord> page;
        do {
            page = ctx.repository().listExecutionsForThing(request.thingName(), request.status(), request.jobId(),
                    after, ctx.pageSize(request.maxResults()));
        } while (overdue.timeOutAny(page.items()));
        List<JobExecutionSummaryForThing> summaries = page.items().stream()
                .map(e -> new JobExecutionSummaryForThing(e.jobId(), Views.listedSummary(e)))
                .toList();
        String next = null;
        if (page.hasMore() && !page.items().isEmpty()) {
            ExecutionRecord last = page.items().get(page.items().size() - 1);
            next = PageTokens.thingExecutions(
                    new ThingExecutionsKey(last.queuedAt(), last.jobId(), last.executionNumber()));
        }
        return new ListJobExecutionsForThingResponse(summaries, next);
    }

    @Override
    public CancelJobExecutionResponse cancelJobExecution(CancelJobExecutionRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        return ctx.commits().run(() -> {
            JobRecord job = ctx.job(request.jobId());
            if (job.job().status() == JobStatus.DELETION_IN_PROGRESS) {
                throw new ResourceNotFoundException("jobId: job " + job.jobId() + " is being deleted");
            }
            ExecutionRecord latest = ctx.repository().findExecution(request.jobId(), request.thingName(), null)
                    .orElseThrow(() -> executionNotFound(request.jobId(), request.thingName(), null));
            return ExecutionRules.cancel(job, latest, request, ctx.now());
        });
    }

    @Override
    public CreateJobTemplateResponse createJobTemplate(CreateJobTemplateRequest request) {
        return templates.create(request);
    }

    @Override
    public DescribeJobTemplateResponse describeJobTemplate(DescribeJobTemplateRequest request) {
        return templates.describe(request);
    }

    @Override
    public ListJobTemplatesResponse listJobTemplates(ListJobTemplatesRequest request) {
        return templates.list(request);
    }

    @Override
    public DeleteJobTemplateResponse deleteJobTemplate(DeleteJobTemplateRequest request) {
        return templates.delete(request);
    }

    @Override
    public DeleteJobExecutionResponse deleteJobExecution(DeleteJobExecutionRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        return ctx.commits().run(() -> {
            JobRecord job = ctx.job(request.jobId());
            ExecutionRecord execution = ctx.repository()
                    .findExecution(request.jobId(), request.thingName(), request.executionNumber())
                    .orElseThrow(() -> executionNotFound(request.jobId(), request.thingName(),
                            request.executionNumber()));
            return ExecutionRules.delete(job, execution, Boolean.TRUE.equals(request.force()), ctx.now());
        });
    }
}
