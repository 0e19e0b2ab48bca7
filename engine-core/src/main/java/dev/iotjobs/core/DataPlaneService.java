package dev.iotjobs.core;

import static dev.iotjobs.core.EngineContext.executionNotFound;
import static dev.iotjobs.core.EngineContext.jobNotFound;
import static dev.iotjobs.core.EngineContext.valid;

import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.data.DescribeJobExecutionRequest;
import dev.iotjobs.api.data.DescribeJobExecutionResponse;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsResponse;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionResponse;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.TerminalStateException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.rules.CancelSteps;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.ExecutionRules;
import dev.iotjobs.core.rules.RequestValidation;
import dev.iotjobs.core.rules.Views;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobAndExecution;
import dev.iotjobs.spi.JobRecord;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** The device data plane: the hot path of every device (SPEC X10-X14). */
final class DataPlaneService implements JobsDataPlane {
    private static final String NEXT = "$next";

    private final EngineContext ctx;
    private final Overdue overdue;
    private final Aborts aborts;
    private final RetryChains retryChains;

    DataPlaneService(EngineContext ctx, Overdue overdue, Aborts aborts) {
        this.ctx = ctx;
        this.overdue = overdue;
        this.aborts = aborts;
        this.retryChains = new RetryChains(ctx);
    }

    @Override
    public DescribeJobExecutionResponse describeJobExecution(DescribeJobExecutionRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        boolean includeDocument = !Boolean.FALSE.equals(request.includeJobDocument());
        String thingArn = ctx.scope().thingArn(request.thingName());
        if (NEXT.equals(request.jobId())) {
            return ctx.commits().run(() -> {
                Instant now = ctx.now();
                Optional<JobAndExecution> head = head(request.thingName(), now);
                if (head.isEmpty()) {
                    return Either.right(Decision.unchanged(new DescribeJobExecutionResponse(null)));
                }
                return Either.right(Decision.unchanged(new DescribeJobExecutionResponse(Views.execution(
                        head.get().execution(), thingArn, includeDocument ? deviceDocument(head.get().job()) : null,
                        now))));
            });
        }
        Instant now = ctx.now();
        JobRecord job;
        ExecutionRecord execution;
        if (request.executionNumber() == null) {   // the latest: the device's read, one query where the store can
            JobAndExecution found = jobAndLatest(request.jobId(), request.thingName());
            job = found.job();
            execution = found.execution();
        } else {
            job = visibleJob(request.jobId());
            execution = execution(request.jobId(), request.thingName(), request.executionNumber());
        }
        if (overdue.timeOutAny(List.of(execution), now)) {
            execution = execution(request.jobId(), request.thingName(), execution.executionNumber());
        }
        if (!execution.isPending()) {
            throw new TerminalStateException("execution " + execution.executionNumber() + " of job "
                    + execution.jobId() + " on thing " + execution.thingName() + " is " + execution.status());
        }
        return new DescribeJobExecutionResponse(Views.execution(execution, thingArn,
                includeDocument ? deviceDocument(job) : null, now));
    }

    @Override
    public GetPendingJobExecutionsResponse getPendingJobExecutions(GetPendingJobExecutionsRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        ctx.thing(request.thingName());
        List<ExecutionRecord> pending;
        do {
            pending = ctx.repository().pendingExecutions(request.thingName(), ctx.limits().maxPendingReturned());
        } while (overdue.timeOutAny(pending));
        List<JobExecutionSummary> inProgress = new ArrayList<>();
        List<JobExecutionSummary> queued = new ArrayList<>();
        for (ExecutionRecord execution : pending) {
            (execution.status() == JobExecutionStatus.IN_PROGRESS ? inProgress : queued)
                    .add(Views.pendingSummary(execution));
        }
        return new GetPendingJobExecutionsResponse(inProgress, queued);
    }

    @Override
    public StartNextPendingJobExecutionResponse startNextPendingJobExecution(
            StartNextPendingJobExecutionRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        String thingArn = ctx.scope().thingArn(request.thingName());
        StartNextPendingJobExecutionResponse response;
        AtomicBoolean endedCanceledHead = new AtomicBoolean();
        do {
            endedCanceledHead.set(false);
            response = startNext(request, thingArn, endedCanceledHead);
        } while (endedCanceledHead.get());   // the next head may be another job's, to start
        return response;
    }

    private StartNextPendingJobExecutionResponse startNext(StartNextPendingJobExecutionRequest request,
                                                           String thingArn, AtomicBoolean endedCanceledHead) {
        return ctx.commits().run(() -> {
            endedCanceledHead.set(false);
            Instant now = ctx.now();
            Optional<JobAndExecution> read = head(request.thingName(), now);
            if (read.isEmpty()) {
                return Either.right(Decision.unchanged(new StartNextPendingJobExecutionResponse(null)));
            }
            JobRecord job = read.get().job();
            ExecutionRecord head = read.get().execution();
            if (CancelSteps.isUnderWay(job) && CancelSteps.takes(job, head)) {
                // SPEC C4, X18: the cancel's batches have not reached this execution yet; it ends now, not starts.
                endedCanceledHead.set(true);
                return Either.right(new Decision<>(CancelSteps.step(job, List.of(), List.of(head), now),
                        new StartNextPendingJobExecutionResponse(null)));
            }
            Decision<StartNextPendingJobExecutionResponse> started =
                    ExecutionRules.startNext(job, head, request, thingArn, now);
            // SPEC J16: signed before the commit, so a signer that fails leaves the execution as it was.
            return Either.right(new Decision<>(started.changes(), new StartNextPendingJobExecutionResponse(
                    DeviceDocuments.render(started.response().execution(), job.job(), ctx.presignedUrlSigner()))));
        });
    }

    @Override
    public UpdateJobExecutionResponse updateJobExecution(UpdateJobExecutionRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        AtomicReference<JobRecord> read = new AtomicReference<>();
        UpdateJobExecutionResponse response = ctx.commits().run(() -> {
            Instant now = ctx.now();
            JobAndExecution found = jobAndLatest(request.jobId(), request.thingName());
            JobRecord job = found.job();
            read.set(job);
            ExecutionRecord latest = found.execution();
            if (overdue.timeOutAny(List.of(latest), now)) {
                // SPEC T3: the device was too late; its execution timed out (and may have been queued again).
                ExecutionRecord timedOut = execution(request.jobId(), request.thingName(), latest.executionNumber());
                throw new InvalidStateTransitionException("execution " + timedOut.executionNumber() + " of job "
                        + timedOut.jobId() + " on thing " + timedOut.thingName() + " is " + timedOut.status(),
                        Views.state(timedOut));
            }
            if (request.status() == JobExecutionStatus.FAILED) {
                latest = retryChains.withRetriesUsed(job, latest, JobExecutionStatus.FAILED);   // SPEC T5
            }
            return ExecutionRules.update(job, latest, request, now)
                    .map(updated -> updated.response().jobDocument() == null ? updated
                            : new Decision<>(updated.changes(), updated.response().toBuilder()
                                    .jobDocument(deviceDocument(job)).build()));   // SPEC J16, before the commit
        });
        if (request.status() != JobExecutionStatus.IN_PROGRESS) {
            aborts.afterTerminalTransition(read.get());   // SPEC T6
        }
        return response;
    }

    /**
     * The head of the thing's queue with its job. An empty queue costs one more read: a thing that does not exist is
     * ResourceNotFoundException rather than "nothing pending" (a pending execution implies its thing, SPEC G4).
     */
    private Optional<JobAndExecution> head(String thingName, Instant now) {
        Optional<JobAndExecution> head;
        do {
            head = ctx.repository().headOfQueue(thingName);
        } while (head.isPresent() && overdue.timeOutAny(List.of(head.get().execution()), now));
        if (head.isEmpty()) {
            ctx.thing(thingName);
        }
        return head;
    }

    /** The visible job with the thing's latest execution of it, both or a ResourceNotFoundException. */
    private JobAndExecution jobAndLatest(String jobId, String thingName) {
        JobAndExecution found = ctx.repository().findJobAndExecution(jobId, thingName)
                .orElseThrow(() -> jobNotFound(jobId));
        visible(found.job());
        if (found.execution() == null) {
            throw executionNotFound(jobId, thingName, null);
        }
        return found;
    }

    private ExecutionRecord execution(String jobId, String thingName, Long executionNumber) {
        return ctx.repository().findExecution(jobId, thingName, executionNumber)
                .orElseThrow(() -> executionNotFound(jobId, thingName, executionNumber));
    }

    /** SPEC J16: the job's document with freshly signed URLs in place of its presigned-URL placeholders. */
    private String deviceDocument(JobRecord job) {
        return DeviceDocuments.render(job.job(), job.document(), ctx.presignedUrlSigner());
    }

    /** SPEC J11: devices do not see jobs in DELETION_IN_PROGRESS. */
    private JobRecord visibleJob(String jobId) {
        return visible(ctx.job(jobId));
    }

    private static JobRecord visible(JobRecord job) {
        if (job.job().status() == JobStatus.DELETION_IN_PROGRESS) {
            throw jobNotFound(job.jobId());
        }
        return job;
    }
}
