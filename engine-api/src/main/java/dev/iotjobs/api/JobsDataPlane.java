package dev.iotjobs.api;

import dev.iotjobs.api.data.DescribeJobExecutionRequest;
import dev.iotjobs.api.data.DescribeJobExecutionResponse;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsResponse;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionResponse;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.error.TerminalStateException;
import dev.iotjobs.api.error.VersionConflictException;

/**
 * The device data plane: AWS's {@code iot-jobs-data} operations, as the AWS SDK for Java v2 names them, with which
 * a device reads its queue of pending executions, starts them and reports their progress.
 *
 * <p>Every call validates its request before it reads or changes anything: the first failing member, in the shape's
 * member order, is an {@link InvalidRequestException} naming the member, its problem and the limit (SPEC V1; a null
 * request is {@code request: is required}), and a rejected request changes nothing and emits no event (V2). Every call
 * is atomic: its change and its events are committed together or not at all (E1, C2). Implementations are thread-safe;
 * calls are linearizable per execution (C1) and conflicts with concurrent calls are retried inside the engine (C3).
 * Every call first applies the timeouts already due to what it reads, so a device never sees an execution IN_PROGRESS
 * past its deadline (T3). Executions of jobs in DELETION_IN_PROGRESS are invisible here (J11). Authentication
 * ({@code CertificateValidationException}, W7) is the adapters' concern: the engine never throws it. Every exception
 * is an unchecked {@link dev.iotjobs.api.error.JobsException}.
 */
public interface JobsDataPlane {
    /**
     * Describes the device's execution of a job, the latest or the one {@code executionNumber} names; with
     * {@code jobId} {@code $next}, the head of the thing's pending queue, unchanged, or no execution when nothing
     * is pending (SPEC X14, X6, X11). The job document is included unless {@code includeJobDocument} is false.
     * Every job document a device receives from this plane has its {@code ${aws:iot:s3-presigned-url:URL}}
     * placeholders replaced by freshly signed URLs (SPEC J16).
     *
     * @param request the request; {@code jobId} may be {@code $next}
     * @return the execution, or none for {@code $next} when nothing is pending
     * @throws InvalidRequestException if jobId, thingName or executionNumber breaks its shape (SPEC V1)
     * @throws ResourceNotFoundException if the job does not exist or is DELETION_IN_PROGRESS (SPEC J11), the thing
     *     has no such execution of it (X6), or, for {@code $next}, the thing does not exist
     * @throws TerminalStateException if the execution is in a terminal status, also one it just timed out to
     *     (SPEC X14, T3)
     * @throws ServiceUnavailableException if the store or the host's presigned-URL signer failed (SPEC C2, J16)
     */
    DescribeJobExecutionResponse describeJobExecution(DescribeJobExecutionRequest request);

    /**
     * Lists the thing's pending executions, IN_PROGRESS and QUEUED apart, in queue order, at most
     * {@code maxPendingReturned} (10 by default) in all (SPEC X11, X12).
     *
     * @param request the request
     * @return the thing's pending executions, in queue order; empty lists when nothing is pending
     * @throws InvalidRequestException if thingName is missing, longer than 128 characters or not
     *     {@code [a-zA-Z0-9:_-]+} (SPEC V1)
     * @throws ResourceNotFoundException if the thing does not exist (SPEC X12)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    GetPendingJobExecutionsResponse getPendingJobExecutions(GetPendingJobExecutionsRequest request);

    /**
     * Starts the head of the thing's pending queue: a QUEUED head turns IN_PROGRESS with the given status details
     * and step timer, an IN_PROGRESS head is returned unchanged, and an empty queue is a success with no execution
     * (SPEC X13, X4, X8, X9, C1).
     *
     * @param request the request
     * @return the head of the thing's queue, started, with its job document; none when nothing is pending
     * @throws InvalidRequestException if thingName, statusDetails or stepTimeoutInMinutes (1..10080) breaks its
     *     shape or the limits (SPEC V1, V3)
     * @throws ResourceNotFoundException if nothing is pending and the thing does not exist
     * @throws ServiceUnavailableException if the store failed or stayed contended, or the host's presigned-URL signer
     *     failed; nothing was applied (SPEC C2, C3, J16)
     */
    StartNextPendingJobExecutionResponse startNextPendingJobExecution(StartNextPendingJobExecutionRequest request);

    /**
     * Reports progress on the thing's latest execution of a job: its new status, status details and step timer
     * (SPEC X2-X10, X18); a FAILED execution may be retried (T5), and a terminal status checks the job's abort
     * criteria (T6) in a commit of its own afterwards.
     *
     * @param request the request
     * @return the new execution state and the job document, each only when asked for (SPEC X10)
     * @throws InvalidRequestException if a member breaks its shape or the limits (SPEC V1, V3), status is not
     *     IN_PROGRESS, SUCCEEDED, FAILED or REJECTED (X2), or executionNumber is not the latest execution (X6)
     * @throws ResourceNotFoundException if the job does not exist or is DELETION_IN_PROGRESS (SPEC J11), or the
     *     thing has no execution of it
     * @throws InvalidStateTransitionException if the execution is terminal, also because it just timed out
     *     (SPEC X3, T3), or its job is CANCELED and it is not IN_PROGRESS (X18); carries the current state
     * @throws VersionConflictException if {@code expectedVersion} is not the execution's current version; carries
     *     the current state (SPEC X5)
     * @throws ServiceUnavailableException if the store failed or stayed contended, or the host's presigned-URL signer
     *     failed (SPEC C2, C3, J16); nothing was applied
     *     unless the failure hit the abort check that follows the update (T6)
     */
    UpdateJobExecutionResponse updateJobExecution(UpdateJobExecutionRequest request);
}
