package dev.iotjobs.core.rules;

import dev.iotjobs.api.control.CancelJobExecutionRequest;
import dev.iotjobs.api.control.CancelJobExecutionResponse;
import dev.iotjobs.api.control.DeleteJobExecutionResponse;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionResponse;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RetriesUsed;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The pure rules of one job execution (SPEC X2-X18): {@code (job, execution, request, now) -> decision}.
 * Callers have loaded the job and the execution; a job in DELETION_IN_PROGRESS never reaches these rules.
 */
public final class ExecutionRules {
    private ExecutionRules() {
    }

    /**
     * A new QUEUED execution that starts a retry chain (SPEC J3, T7, G2, G7): {@code retryAttempt} 0, no retries
     * used.
     *
     * @param jobId the job
     * @param thingName the thing
     * @param executionNumber 1 for the thing's first execution of the job
     * @param now the present
     * @return the execution, version 1
     */
    public static ExecutionRecord queued(String jobId, String thingName, long executionNumber, Instant now) {
        return queued(jobId, thingName, executionNumber, 0, RetriesUsed.NONE, now);
    }

    /**
     * A new QUEUED execution (SPEC J3, T5).
     *
     * @param jobId the job
     * @param thingName the thing
     * @param executionNumber 1 for the first attempt
     * @param retryAttempt 0 for the first attempt
     * @param retriesUsed the retries its chain used before it
     * @param now the present
     * @return the execution, version 1
     */
    public static ExecutionRecord queued(String jobId, String thingName, long executionNumber, int retryAttempt,
                                         RetriesUsed retriesUsed, Instant now) {
        return new ExecutionRecord(jobId, thingName, executionNumber, JobExecutionStatus.QUEUED, false, Map.of(),
                now, null, now, 1, retryAttempt, null, null, retriesUsed);
    }

    /**
     * UpdateJobExecution by the device (SPEC X2-X10, X18).
     *
     * @param job the execution's job
     * @param latest the thing's latest execution of the job
     * @param request the validated request
     * @param now the present
     * @return the decision, or the error
     * @throws IllegalArgumentException if the update fails an execution of a job that retries failures and the
     *     execution does not carry its {@link ExecutionRecord#retriesUsed()} (the engine reads them first)
     */
    public static Either<JobsException, Decision<UpdateJobExecutionResponse>> update(
            JobRecord job, ExecutionRecord latest, UpdateJobExecutionRequest request, Instant now) {
        if (request.executionNumber() != null && request.executionNumber() != latest.executionNumber()) {
            return Either.left(new InvalidRequestException("executionNumber: must be the latest execution "
                    + latest.executionNumber() + " of job " + latest.jobId() + " on thing " + latest.thingName()
                    + ", got " + request.executionNumber()));
        }
        if (!latest.isPending()) {
            return Either.left(new InvalidStateTransitionException("execution of job " + latest.jobId()
                    + " on thing " + latest.thingName() + " is " + latest.status() + " and cannot change",
                    Views.state(latest)));
        }
        if (request.expectedVersion() != null && request.expectedVersion() != latest.versionNumber()) {
            return Either.left(versionConflict(latest, request.expectedVersion()));
        }
        if (job.job().status() == JobStatus.CANCELED && latest.status() != JobExecutionStatus.IN_PROGRESS) {
            return Either.left(new InvalidStateTransitionException("job " + job.jobId() + " is CANCELED",
                    Views.state(latest)));
        }
        ExecutionRecord next = transition(job, latest, request.status(), request.statusDetails(),
                request.stepTimeoutInMinutes(), now);
        Changeset.Builder changes = Changeset.builder().expectJob(job);
        ExecutionChanges.updated(changes, job, latest, next);
        Retries.retryIfAllowed(changes, job, next, now);
        UpdateJobExecutionResponse response = new UpdateJobExecutionResponse(
                Boolean.TRUE.equals(request.includeJobExecutionState()) ? Views.state(next) : null,
                Boolean.TRUE.equals(request.includeJobDocument()) ? job.document() : null);
        return Either.right(new Decision<>(changes.build(), response));
    }

    /**
     * StartNextPendingJobExecution (SPEC X13): starts the head of the queue, or returns it unchanged when it
     * is already IN_PROGRESS.
     *
     * @param job the head's job
     * @param head the head of the thing's queue
     * @param request the validated request
     * @param thingArn the thing's ARN
     * @param now the present
     * @return the decision
     */
    public static Decision<StartNextPendingJobExecutionResponse> startNext(
            JobRecord job, ExecutionRecord head, StartNextPendingJobExecutionRequest request, String thingArn,
            Instant now) {
        if (head.status() == JobExecutionStatus.IN_PROGRESS) {
            return Decision.unchanged(new StartNextPendingJobExecutionResponse(
                    Views.execution(head, thingArn, job.document(), now)));
        }
        ExecutionRecord next = transition(job, head, JobExecutionStatus.IN_PROGRESS, request.statusDetails(),
                request.stepTimeoutInMinutes(), now);
        Changeset.Builder changes = Changeset.builder().expectJob(job);
        // A QUEUED head has no IN_PROGRESS execution before it: started, it stays the head (SPEC E4: no notify).
        ExecutionChanges.startedHead(changes, job, head, next);
        return new Decision<>(changes.build(), new StartNextPendingJobExecutionResponse(
                Views.execution(next, thingArn, job.document(), now)));
    }

    /**
     * CancelJobExecution (SPEC X15).
     *
     * @param job the execution's job
     * @param latest the thing's latest execution of the job
     * @param request the validated request
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<CancelJobExecutionResponse>> cancel(
            JobRecord job, ExecutionRecord latest, CancelJobExecutionRequest request, Instant now) {
        boolean force = Boolean.TRUE.equals(request.force());
        if (request.expectedVersion() != null && request.expectedVersion() != latest.versionNumber()) {
            return Either.left(versionConflict(latest, request.expectedVersion()));
        }
        if (!latest.isPending()) {
            return Either.left(new InvalidStateTransitionException("execution of job " + latest.jobId()
                    + " on thing " + latest.thingName() + " is " + latest.status() + " and cannot be canceled",
                    Views.state(latest)));
        }
        if (latest.status() == JobExecutionStatus.IN_PROGRESS && !force) {
            return Either.left(new InvalidStateTransitionException("execution of job " + latest.jobId()
                    + " on thing " + latest.thingName() + " is IN_PROGRESS: cancel it with force",
                    Views.state(latest)));
        }
        Map<String, String> details = request.statusDetails().isEmpty()
                ? latest.statusDetails() : request.statusDetails();
        Changeset.Builder changes = Changeset.builder().expectJob(job);
        ExecutionChanges.updated(changes, job, latest, ended(latest, JobExecutionStatus.CANCELED, force, details, now));
        return Either.right(new Decision<>(changes.build(), CancelJobExecutionResponse.builder().build()));
    }

    /**
     * DeleteJobExecution (SPEC X16).
     *
     * @param job the execution's job
     * @param execution the execution named by the request
     * @param force whether an IN_PROGRESS execution may be deleted
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<DeleteJobExecutionResponse>> delete(
            JobRecord job, ExecutionRecord execution, boolean force, Instant now) {
        if (execution.status() == JobExecutionStatus.IN_PROGRESS && !force) {
            return Either.left(new InvalidStateTransitionException("execution " + execution.executionNumber()
                    + " of job " + execution.jobId() + " on thing " + execution.thingName()
                    + " is IN_PROGRESS: delete it with force", Views.state(execution)));
        }
        Changeset.Builder changes = Changeset.builder().expectJob(job);
        ExecutionChanges.deleted(changes, job, execution, now);
        return Either.right(new Decision<>(changes.build(), DeleteJobExecutionResponse.builder().build()));
    }

    /**
     * SPEC T3: executions of one job past their deadlines turn TIMED_OUT (version +1, timers stopped), each retried
     * if the job allows it (T5), all in one changeset.
     *
     * @param job the executions' job
     * @param overdue pending executions of the job whose deadlines have passed; when the job retries timeouts,
     *     each carrying its {@link ExecutionRecord#retriesUsed()}
     * @param now the present
     * @return the changes
     */
    public static Changeset timeOut(JobRecord job, List<ExecutionRecord> overdue, Instant now) {
        Changeset.Builder changes = Changeset.builder().expectJob(job);
        for (ExecutionRecord execution : overdue) {
            ExecutionRecord timedOut = ended(execution, JobExecutionStatus.TIMED_OUT, execution.forceCanceled(),
                    execution.statusDetails(), now);
            ExecutionChanges.updated(changes, job, execution, timedOut);
            Retries.retryIfAllowed(changes, job, timedOut, now);
        }
        return changes.build();
    }

    /**
     * @param execution an execution
     * @param now the present
     * @return whether it is pending and its effective deadline (SPEC T2) has passed
     */
    public static boolean isOverdue(ExecutionRecord execution, Instant now) {
        return execution.isPending() && execution.deadline() != null && !execution.deadline().isAfter(now);
    }

    /**
     * The engine ends a pending execution (cancel, removal): status, version +1, timers stopped.
     *
     * @param execution a pending execution
     * @param status the terminal status
     * @param forceCanceled whether a forced cancel ends it
     * @param statusDetails the details it keeps
     * @param now the present
     * @return its next version
     */
    public static ExecutionRecord ended(ExecutionRecord execution, JobExecutionStatus status, boolean forceCanceled,
                                        Map<String, String> statusDetails, Instant now) {
        return new ExecutionRecord(execution.jobId(), execution.thingName(), execution.executionNumber(), status,
                forceCanceled, statusDetails, execution.queuedAt(), execution.startedAt(), now,
                execution.versionNumber() + 1, execution.retryAttempt(), null, null, execution.retriesUsed());
    }

    /** A device-driven transition of a pending execution (SPEC X7, X8, X9, T1, T2). */
    private static ExecutionRecord transition(JobRecord job, ExecutionRecord current, JobExecutionStatus to,
                                              Map<String, String> statusDetails, Long stepTimeoutInMinutes,
                                              Instant now) {
        Map<String, String> details = statusDetails.isEmpty() ? current.statusDetails() : statusDetails;
        if (!Statuses.isPending(to)) {
            return ended(current, to, current.forceCanceled(), details, now);
        }
        boolean starting = current.startedAt() == null;
        Instant startedAt = starting ? now : current.startedAt();
        Instant inProgressTimeoutAt = starting ? inProgressDeadline(job.job().timeoutConfig(), now)
                : current.inProgressTimeoutAt();
        Instant stepTimeoutAt = stepTimeoutInMinutes == null ? current.stepTimeoutAt()
                : stepTimeoutInMinutes < 0 ? null : now.plus(Duration.ofMinutes(stepTimeoutInMinutes));
        return new ExecutionRecord(current.jobId(), current.thingName(), current.executionNumber(), to,
                current.forceCanceled(), details, current.queuedAt(), startedAt, now,
                current.versionNumber() + 1, current.retryAttempt(), stepTimeoutAt, inProgressTimeoutAt,
                current.retriesUsed());
    }

    private static Instant inProgressDeadline(TimeoutConfig timeout, Instant startedAt) {
        if (timeout == null || timeout.inProgressTimeoutInMinutes() == null) {
            return null;
        }
        return startedAt.plus(Duration.ofMinutes(timeout.inProgressTimeoutInMinutes()));
    }

    private static VersionConflictException versionConflict(ExecutionRecord current, long expected) {
        return new VersionConflictException("expectedVersion: " + expected + " does not match the current version "
                + current.versionNumber() + " of the execution of job " + current.jobId() + " on thing "
                + current.thingName(), Views.state(current));
    }
}
