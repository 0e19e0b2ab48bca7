package dev.iotjobs.core.rules;

import dev.iotjobs.api.control.AssociateTargetsWithJobRequest;
import dev.iotjobs.api.control.AssociateTargetsWithJobResponse;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CancelJobResponse;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateJobResponse;
import dev.iotjobs.api.control.DeleteJobResponse;
import dev.iotjobs.api.control.UpdateJobRequest;
import dev.iotjobs.api.control.UpdateJobResponse;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.LimitExceededException;
import dev.iotjobs.api.error.ResourceAlreadyExistsException;
import dev.iotjobs.api.event.JobCreated;
import dev.iotjobs.api.event.JobDeleted;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobEndBehavior;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutState;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.StatusCounts;
import dev.iotjobs.spi.TargetExpansion;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The pure rules of jobs (SPEC J1-J13): {@code (state, request, now) -> decision}.
 */
public final class JobRules {
    private JobRules() {
    }

    /**
     * CreateJob (SPEC J1-J3, J8).
     *
     * @param request the validated request
     * @param existing the job already stored under that id, or null
     * @param document the job document to store (given, or fetched from {@code documentSource})
     * @param startTime the parsed scheduled start, or null
     * @param things the expanded targets, de-duplicated, in name order, each with the positions of the targets
     *     reaching it (ignored when the job is scheduled)
     * @param scope the engine's region and account
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<CreateJobResponse>> create(
            CreateJobRequest request, JobRecord existing, String document, Instant startTime,
            SortedMap<String, List<Integer>> things, Scope scope, Instant now) {
        return create(request, existing, document, null, startTime, things, scope, now);
    }

    /**
     * CreateJob (SPEC J1-J3, J8), of a job made from a managed template (J15).
     *
     * @param request the validated request
     * @param existing the job already stored under that id, or null
     * @param document the job document to store: the template's, its parameters substituted
     * @param beforeSubstitution the template's document before substitution, or null
     * @param startTime the parsed scheduled start, or null
     * @param things the expanded targets, as for {@link #create(CreateJobRequest, JobRecord, String, Instant,
     *     SortedMap, Scope, Instant)}
     * @param scope the engine's region and account
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<CreateJobResponse>> create(
            CreateJobRequest request, JobRecord existing, String document, String beforeSubstitution,
            Instant startTime, SortedMap<String, List<Integer>> things, Scope scope, Instant now) {
        return create(request, existing, document, beforeSubstitution, startTime, things, null, scope, now);
    }

    /**
     * CreateJob (SPEC J1-J3, J8, C4) over targets that reach more things than one batch holds: {@code things} is the
     * first batch, {@code owed} the rest, which due work adds ({@link ExpansionSteps}).
     *
     * @param request the validated request
     * @param existing the job already stored under that id, or null
     * @param document the job document to store
     * @param beforeSubstitution the managed template's document before substitution, or null
     * @param startTime the parsed scheduled start, or null
     * @param things the first batch of the expanded targets, as for {@link #create(CreateJobRequest, JobRecord,
     *     String, Instant, SortedMap, Scope, Instant)}
     * @param owed the expansion owed after them, or null when they are all
     * @param scope the engine's region and account
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<CreateJobResponse>> create(
            CreateJobRequest request, JobRecord existing, String document, String beforeSubstitution,
            Instant startTime, SortedMap<String, List<Integer>> things, TargetExpansion owed, Scope scope,
            Instant now) {
        String jobArn = scope.jobArn(request.jobId());
        if (existing != null) {
            return Either.left(new ResourceAlreadyExistsException("jobId: job " + request.jobId()
                    + " already exists (status " + existing.job().status() + ")", request.jobId(), jobArn));
        }
        boolean scheduled = startTime != null && startTime.isAfter(now);
        TargetSelection selection = request.targetSelection() == null
                ? TargetSelection.SNAPSHOT : request.targetSelection();
        Job job = Job.builder()
                .jobArn(jobArn)
                .jobId(request.jobId())
                .targetSelection(selection)
                .status(scheduled ? JobStatus.SCHEDULED : JobStatus.IN_PROGRESS)
                .targets(request.targets())
                .description(request.description())
                .presignedUrlConfig(request.presignedUrlConfig())
                .jobExecutionsRolloutConfig(request.jobExecutionsRolloutConfig())
                .abortConfig(request.abortConfig())
                .timeoutConfig(request.timeoutConfig())
                .namespaceId(request.namespaceId())
                .jobTemplateArn(request.jobTemplateArn())
                .jobExecutionsRetryConfig(request.jobExecutionsRetryConfig())
                .documentParameters(request.documentParameters())
                .schedulingConfig(request.schedulingConfig())
                .createdAt(now)
                .lastUpdatedAt(now)
                .build();
        JobRecord record = new JobRecord(job, document, request.documentSource(), request.tags(),
                StatusCounts.ZERO, 1, startTime, null, beforeSubstitution);
        Changeset.Builder changes = Changeset.builder()
                .event(new JobCreated(job.jobId(), now, jobArn, selection, job.status()));
        if (!scheduled) {
            RolloutState rollout = RolloutSteps.start(changes, record, things, now);
            record = new JobRecord(job, document, request.documentSource(), request.tags(), StatusCounts.ZERO, 1,
                    owed != null ? now : RolloutSteps.dueAt(rollout, endTime(job), now), rollout,
                    beforeSubstitution, owed);
        }
        changes.insertJob(record);
        return Either.right(new Decision<>(changes.build(),
                new CreateJobResponse(jobArn, job.jobId(), job.description())));
    }

    /**
     * A scheduled job reached its start time (SPEC T8): it turns IN_PROGRESS and rolls out.
     *
     * @param job the SCHEDULED job
     * @param things its expanded targets now, each with the positions of the targets reaching it
     * @param now the present
     * @return the changes
     */
    public static Changeset start(JobRecord job, SortedMap<String, List<Integer>> things, Instant now) {
        return start(job, things, null, now);
    }

    /**
     * A scheduled job reached its start time (SPEC T8) with targets that reach more things than one batch holds
     * (C4): it turns IN_PROGRESS and rolls out to the first batch; due work adds the rest.
     *
     * @param job the SCHEDULED job
     * @param things the first batch of its expanded targets
     * @param owed the expansion owed after them, or null when they are all
     * @param now the present
     * @return the changes
     */
    public static Changeset start(JobRecord job, SortedMap<String, List<Integer>> things, TargetExpansion owed,
                                  Instant now) {
        Job startedJob = job.job().toBuilder().status(JobStatus.IN_PROGRESS).lastUpdatedAt(now).build();
        JobRecord started = job.next(startedJob, null, null);
        Changeset.Builder changes = Changeset.builder().event(statusChanged(job, started, now));
        RolloutState rollout = RolloutSteps.start(changes, started, things, now);
        changes.updateJob(job.next(startedJob, owed != null ? now : RolloutSteps.dueAt(rollout, endTime(startedJob),
                now), rollout).withExpansion(owed));
        return changes.build();
    }

    /**
     * SPEC T8: when the job's scheduled end is.
     *
     * @param job a job
     * @return its {@code schedulingConfig.endTime}, parsed, or null without one
     */
    public static Instant endTime(Job job) {
        if (job.schedulingConfig() == null || job.schedulingConfig().endTime() == null) {
            return null;
        }
        return ScheduleTimes.parse(job.schedulingConfig().endTime()).orElse(null);
    }

    /**
     * SPEC T8: what the job's scheduled end does now.
     *
     * @param job a job whose due time has come
     * @param now the present
     * @return the end behaviour when an IN_PROGRESS job reached its end time (STOP_ROLLOUT when none is given),
     *     else null
     */
    public static JobEndBehavior endReached(JobRecord job, Instant now) {
        Instant end = endTime(job.job());
        if (end == null || end.isAfter(now) || job.job().status() != JobStatus.IN_PROGRESS) {
            return null;
        }
        JobEndBehavior behavior = job.job().schedulingConfig().endBehavior();
        return behavior == null ? JobEndBehavior.STOP_ROLLOUT : behavior;
    }

    /**
     * UpdateJob (SPEC J6): changes the given configurations of an IN_PROGRESS or SCHEDULED job. A new
     * {@code presignedUrlConfig} of a job whose document holds presigned-URL placeholders needs a {@code roleArn},
     * as at CreateJob (J16).
     *
     * @param job the job
     * @param request the validated request
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<UpdateJobResponse>> update(
            JobRecord job, UpdateJobRequest request, Instant now) {
        Job current = job.job();
        if (current.status() != JobStatus.IN_PROGRESS && current.status() != JobStatus.SCHEDULED) {
            return Either.left(new InvalidRequestException("jobId: job " + current.jobId() + " is "
                    + current.status() + "; only IN_PROGRESS or SCHEDULED jobs can be updated"));
        }
        if (request.jobExecutionsRetryConfig() != null) {
            String raised = raisedRetries(current.jobExecutionsRetryConfig(), request.jobExecutionsRetryConfig());
            if (raised != null) {
                return Either.left(new InvalidRequestException(raised));
            }
        }
        if (request.presignedUrlConfig() != null && request.presignedUrlConfig().roleArn() == null
                && DocumentPlaceholders.hasPresignedUrls(job.document())) {
            // SPEC J16 as at CreateJob: devices could no longer get the document's URLs signed.
            return Either.left(new InvalidRequestException("presignedUrlConfig.roleArn: is required when the "
                    + "document holds ${aws:iot:s3-presigned-url:...} placeholders"));
        }
        Job.Builder next = current.toBuilder().lastUpdatedAt(now);
        if (request.description() != null) {
            next.description(request.description());
        }
        if (request.presignedUrlConfig() != null) {
            next.presignedUrlConfig(request.presignedUrlConfig());
        }
        if (request.jobExecutionsRolloutConfig() != null) {
            next.jobExecutionsRolloutConfig(request.jobExecutionsRolloutConfig());
        }
        if (request.abortConfig() != null) {
            next.abortConfig(request.abortConfig());
        }
        if (request.timeoutConfig() != null) {
            next.timeoutConfig(request.timeoutConfig());
        }
        if (request.jobExecutionsRetryConfig() != null) {
            next.jobExecutionsRetryConfig(request.jobExecutionsRetryConfig());
        }
        RolloutState rollout = job.rollout();
        if (rollout != null && request.jobExecutionsRolloutConfig() != null) {
            rollout = RolloutRules.reconfigured(rollout, request.jobExecutionsRolloutConfig(),
                    job.counts().succeeded());
        }
        Changeset changes = Changeset.builder().updateJob(job.next(next.build(), job.dueAt(), rollout)).build();
        return Either.right(new Decision<>(changes, UpdateJobResponse.builder().build()));
    }

    /**
     * CancelJob (SPEC J7) in one commit: the job and every execution it takes along (SPEC C4: when they fit in one
     * batch).
     *
     * @param job the job
     * @param pending the job's executions that are QUEUED or IN_PROGRESS
     * @param heldBack the things the job still holds back for its rollout (released: nothing more rolls out)
     * @param request the validated request
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<CancelJobResponse>> cancel(
            JobRecord job, List<ExecutionRecord> pending, List<RolloutTarget> heldBack, CancelJobRequest request,
            Instant now) {
        return cancel(job, pending, heldBack, request, null, now);
    }

    /**
     * CancelJob (SPEC J7, C4) of a job with more executions to cancel than one batch holds: only the job turns
     * CANCELED in this commit, and it is left due, so that due work cancels its executions and releases its
     * held-back things batch by batch ({@link CancelSteps#step}), here or on another node, also after a crash.
     *
     * @param job the job
     * @param request the validated request
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<CancelJobResponse>> cancelInBatches(
            JobRecord job, CancelJobRequest request, Instant now) {
        return cancel(job, List.of(), List.of(), request, now, now);
    }

    private static Either<JobsException, Decision<CancelJobResponse>> cancel(
            JobRecord job, List<ExecutionRecord> pending, List<RolloutTarget> heldBack, CancelJobRequest request,
            Instant dueAt, Instant now) {
        Job current = job.job();
        boolean force = Boolean.TRUE.equals(request.force());
        CancelJobResponse response = new CancelJobResponse(current.jobArn(), current.jobId(), current.description());
        switch (current.status()) {
            case COMPLETED, DELETION_IN_PROGRESS -> {
                return Either.left(new InvalidRequestException("jobId: job " + current.jobId() + " is "
                        + current.status() + " and cannot be canceled"));
            }
            case CANCELED -> {
                if (!force || current.forceCanceled()) {
                    return Either.right(Decision.unchanged(response));
                }
            }
            default -> {
                // IN_PROGRESS or SCHEDULED: cancel below
            }
        }
        Job canceled = current.toBuilder()
                .status(JobStatus.CANCELED)
                .forceCanceled(force || current.forceCanceled())
                .reasonCode(request.reasonCode() != null ? request.reasonCode() : current.reasonCode())
                .comment(request.comment() != null ? request.comment() : current.comment())
                .lastUpdatedAt(now)
                .build();
        // A cascade already under way (an earlier cancel's) stays due: it cancels IN_PROGRESS ones too from now on.
        Instant due = dueAt != null ? dueAt : CancelSteps.isUnderWay(job) ? job.dueAt() : null;
        JobRecord next = job.next(canceled, due, RolloutRules.stopped(job.rollout()));
        Changeset.Builder changes = Changeset.builder();
        changes.updateJob(next).event(statusChanged(job, next, now));
        heldBack.forEach(changes::release);
        for (ExecutionRecord execution : pending) {
            if (execution.status() == JobExecutionStatus.QUEUED || force) {
                ExecutionChanges.updated(changes, next, execution, ExecutionRules.ended(execution,
                        JobExecutionStatus.CANCELED, force, execution.statusDetails(), now));
            }
        }
        return Either.right(new Decision<>(changes.build(), response));
    }

    /**
     * DeleteJob (SPEC J10, J12): the job turns DELETION_IN_PROGRESS at once; due work deletes the rest.
     *
     * @param job the job
     * @param force whether an IN_PROGRESS or SCHEDULED job may be deleted
     * @param jobsInDeletion how many jobs are in DELETION_IN_PROGRESS now
     * @param maxJobsInDeletion the limit
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<DeleteJobResponse>> delete(
            JobRecord job, boolean force, int jobsInDeletion, int maxJobsInDeletion, Instant now) {
        JobStatus status = job.job().status();
        if (status == JobStatus.DELETION_IN_PROGRESS) {
            return Either.left(new InvalidStateTransitionException("job " + job.jobId()
                    + " is already DELETION_IN_PROGRESS"));
        }
        if ((status == JobStatus.IN_PROGRESS || status == JobStatus.SCHEDULED) && !force) {
            return Either.left(new InvalidStateTransitionException("job " + job.jobId() + " is " + status
                    + ": delete it with force"));
        }
        if (jobsInDeletion >= maxJobsInDeletion) {
            return Either.left(new LimitExceededException("at most " + maxJobsInDeletion
                    + " jobs may be DELETION_IN_PROGRESS at once; due work finishes deletions (JobsEngine.start() runs it"
                    + " every second, or call runDueWork()), then delete again"));
        }
        JobRecord next = job.next(job.job().toBuilder()
                .status(JobStatus.DELETION_IN_PROGRESS).lastUpdatedAt(now).build(), now,
                RolloutRules.stopped(job.rollout()));
        Changeset changes = Changeset.builder().updateJob(next).event(statusChanged(job, next, now)).build();
        return Either.right(new Decision<>(changes, DeleteJobResponse.builder().build()));
    }

    /**
     * One step of the deletion cascade (SPEC J10, J13): deletes a batch of executions, else a batch of the things
     * it held back for its rollout, or the job itself once nothing is left.
     *
     * @param job the job in DELETION_IN_PROGRESS
     * @param batch some of its remaining executions; empty when none is left
     * @param heldBack some of the things it still holds back (read when no execution is left)
     * @param now the present
     * @return the changes
     */
    public static Changeset deletionStep(JobRecord job, List<ExecutionRecord> batch, List<RolloutTarget> heldBack,
                                         Instant now) {
        Changeset.Builder changes = Changeset.builder();
        if (batch.isEmpty() && heldBack.isEmpty()) {
            return changes.deleteJob(job.jobId(), job.revision()).event(new JobDeleted(job.jobId(), now)).build();
        }
        heldBack.forEach(changes::release);
        for (ExecutionRecord execution : batch) {
            ExecutionChanges.deleted(changes, job, execution, now);
        }
        return changes.build();
    }

    /**
     * AssociateTargetsWithJob (SPEC G5) on a CONTINUOUS IN_PROGRESS job: adds the targets and rolls out to the
     * things that have no execution of the job yet: at once, or, with a rollout configuration, held back for the
     * rollout's next windows (SPEC T7); past the job's scheduled end, to none (T8).
     *
     * @param job the CONTINUOUS IN_PROGRESS job
     * @param request the validated request
     * @param newThings the things the new targets reach that have no execution of the job and are not held back,
     *     each with the positions (in the job's targets with the new ones appended) of the targets reaching it
     * @param retargeted things already held back that new targets reach too: their rows with every target
     *     reaching them now
     * @param added for each of {@code retargeted}, the positions of the new targets that reach it
     * @param maxTargets the most targets a job may list
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<AssociateTargetsWithJobResponse>> associateTargets(
            JobRecord job, AssociateTargetsWithJobRequest request, SortedMap<String, List<Integer>> newThings,
            List<RolloutTarget> retargeted, List<List<Integer>> added, int maxTargets, Instant now) {
        return associateTargets(job, request, newThings, retargeted, added, null, maxTargets, now);
    }

    /**
     * AssociateTargetsWithJob (SPEC G5, C4) whose targets reach more things than one batch holds: the arguments
     * describe the first batch, {@code owed} the rest, which due work adds ({@link ExpansionSteps}).
     *
     * @param job the CONTINUOUS IN_PROGRESS job
     * @param request the validated request
     * @param newThings as for {@link #associateTargets(JobRecord, AssociateTargetsWithJobRequest, SortedMap, List,
     *     List, int, Instant)}, of the first batch
     * @param retargeted likewise
     * @param added likewise
     * @param owed the expansion the job owes afterwards (the new targets', and one it owed already), or null
     * @param maxTargets the most targets a job may list
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<AssociateTargetsWithJobResponse>> associateTargets(
            JobRecord job, AssociateTargetsWithJobRequest request, SortedMap<String, List<Integer>> newThings,
            List<RolloutTarget> retargeted, List<List<Integer>> added, TargetExpansion owed, int maxTargets,
            Instant now) {
        Job current = job.job();
        List<String> targets = withTargets(current.targets(), request.targets());
        if (targets.size() > maxTargets) {
            return Either.left(new LimitExceededException("targets: a job may have at most " + maxTargets
                    + " targets, this would make " + targets.size()));
        }
        Job members = current.toBuilder().targets(targets).lastUpdatedAt(now).build();
        Changeset.Builder changes = Changeset.builder();
        if (endReached(job, now) != null) {
            // SPEC T8: past its end a job rolls out to no new thing; the targets are still added.
            changes.updateJob(job.next(members, job.dueAt()));
        } else if (RolloutRules.gradual(current)) {
            RolloutState rollout = job.rollout() != null ? job.rollout()
                    : RolloutRules.begin(current.jobExecutionsRolloutConfig(), targets, List.of(),
                    job.counts().succeeded());
            rollout = RolloutRules.heldBack(rollout, targets, newThings.values());
            rollout = RolloutRules.retargeted(rollout, targets, added);
            newThings.forEach((thing, reach) -> changes.holdBack(new RolloutTarget(job.jobId(), thing, reach)));
            retargeted.forEach(target -> changes.release(target).holdBack(target));
            changes.updateJob(job.next(members, owed != null ? now : RolloutSteps.dueAt(rollout, endTime(members),
                    now), rollout).withExpansion(owed));
        } else {
            changes.updateJob(job.next(members, owed != null ? now : job.dueAt()).withExpansion(owed));
            for (String thing : newThings.keySet()) {
                ExecutionChanges.created(changes, ExecutionRules.queued(job.jobId(), thing, 1, now));
            }
        }
        return Either.right(new Decision<>(changes.build(),
                new AssociateTargetsWithJobResponse(current.jobArn(), current.jobId(), current.description())));
    }

    /**
     * SPEC G5: a job's targets with more appended, each once.
     *
     * @param targets the job's targets
     * @param added targets to add
     * @return the targets in order, the new ones after the old
     */
    public static List<String> withTargets(List<String> targets, List<String> added) {
        List<String> combined = new ArrayList<>(targets);
        for (String target : added) {
            if (!combined.contains(target)) {
                combined.add(target);
            }
        }
        return combined;
    }

    private static JobStatusChanged statusChanged(JobRecord before, JobRecord after, Instant now) {
        return new JobStatusChanged(after.jobId(), now, before.job().status(), after.job().status(),
                after.job().forceCanceled(), after.job().reasonCode());
    }

    /** SPEC J6: retries can only be lowered. Returns the message naming the raise, or null. */
    private static String raisedRetries(JobExecutionsRetryConfig current, JobExecutionsRetryConfig requested) {
        for (RetryCriteria criterion : requested.criteriaList()) {
            int allowed = allowance(current, criterion.failureType());
            if (criterion.numberOfRetries() > allowed) {
                return "jobExecutionsRetryConfig.criteriaList: retries for " + criterion.failureType()
                        + " can only be lowered, from " + allowed + ", got " + criterion.numberOfRetries();
            }
        }
        return null;
    }

    /**
     * SPEC T5: the retries a failure type is allowed: its own criterion, else ALL's, else none.
     *
     * @param config a job's retry configuration, or null
     * @param type a failure type
     * @return the allowance
     */
    public static int allowance(JobExecutionsRetryConfig config, RetryableFailureType type) {
        if (config == null) {
            return 0;
        }
        Integer all = null;
        for (RetryCriteria criterion : config.criteriaList()) {
            if (criterion.failureType() == type) {
                return criterion.numberOfRetries();
            }
            if (criterion.failureType() == RetryableFailureType.ALL) {
                all = criterion.numberOfRetries();
            }
        }
        return all == null ? 0 : all;
    }
}
