package dev.iotjobs.api;

import dev.iotjobs.api.control.*;
import dev.iotjobs.api.error.ConflictException;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.LimitExceededException;
import dev.iotjobs.api.error.ResourceAlreadyExistsException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.error.VersionConflictException;

/**
 * The jobs control plane: the job and job-execution operations of AWS's {@code iot} service, as the AWS SDK for
 * Java v2 names them, used by the operator who creates, watches and ends jobs.
 *
 * <p>Every call validates its request before it reads or changes anything: the first failing member, in the shape's
 * member order, is an {@link InvalidRequestException} naming the member, its problem and the limit (SPEC V1; a null
 * request is {@code request: is required}), and a rejected request changes nothing and emits no event (V2). Every call
 * is atomic: its change and its events are committed together or not at all (E1, C2). Implementations are thread-safe;
 * calls are linearizable per execution (C1) and conflicts with concurrent calls are retried inside the engine (C3).
 * {@code describeJob} and the execution reads first apply the timeouts already due, so they never show an execution
 * past its deadline (T3). Every exception is an unchecked {@link dev.iotjobs.api.error.JobsException}.
 */
public interface JobsControlPlane {
    /**
     * Creates a job and queues an execution for every thing its targets reach, or holds them back for a scheduled
     * start or a rollout (SPEC J1-J3, J8, V3-V5, T7, T8). With a custom template's {@code jobTemplateArn}, the job
     * takes the template's document (or documentSource), description and configurations, and each description or
     * configuration given in the request replaces the template's member of that name (J14); with a managed
     * template's, the document is the template's with {@code documentParameters} substituted (J15).
     *
     * @param request the request
     * @return the new job's ARN, id and description
     * @throws InvalidRequestException if a member breaks its shape or the limits (SPEC V1, V3), not exactly one of
     *     {@code document} and {@code documentSource} is given or the source cannot be resolved (V4), either is given
     *     together with {@code jobTemplateArn} (J14), a target is not a thing or thing-group ARN of this account (V5),
     *     the schedule is invalid (T8), {@code documentParameters} are given without a managed template's
     *     {@code jobTemplateArn}, a parameter value breaks its regex, a required one is missing or a key is unknown
     *     (J15), or the document has presigned-URL placeholders without {@code presignedUrlConfig} or on an engine
     *     without a {@code PresignedUrlSigner}, or more than 10 substitution patterns (J16)
     * @throws ResourceAlreadyExistsException if a job with that id exists, also in DELETION_IN_PROGRESS (SPEC J1)
     * @throws ResourceNotFoundException if a target thing or thing group does not exist (SPEC V5), or
     *     {@code jobTemplateArn} names no job template of this engine (J14, J15)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    CreateJobResponse createJob(CreateJobRequest request);

    /**
     * Describes a job: its status, configuration as given, execution counters and timestamps (SPEC J4, X1); a job
     * being deleted is shown as DELETION_IN_PROGRESS (J10).
     *
     * @param request the request
     * @return the job, and its {@code documentSource} when it has one
     * @throws InvalidRequestException if jobId is missing, longer than 64 characters or not {@code [a-zA-Z0-9_-]+}
     *     (SPEC V1)
     * @throws ResourceNotFoundException if the job does not exist (SPEC J4)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    DescribeJobResponse describeJob(DescribeJobRequest request);

    /**
     * Lists jobs, optionally filtered by status, target selection or a target thing group, ordered by
     * {@code createdAt} then {@code jobId}, one page at a time (SPEC J5). An unknown thing group yields no jobs.
     *
     * @param request the request
     * @return a page of job summaries, and the token of the next page unless this is the last
     * @throws InvalidRequestException if a member breaks its shape (maxResults 1..250, SPEC V1, V3) or nextToken
     *     is not a token this listing issued (J5)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    ListJobsResponse listJobs(ListJobsRequest request);

    /**
     * Updates the description, presigned-URL, rollout, abort, timeout and retry configurations of an IN_PROGRESS
     * or SCHEDULED job; members left out stay as they are (SPEC J6).
     *
     * @param request the request
     * @return an empty response
     * @throws InvalidRequestException if a member breaks its shape or the limits (SPEC V1, V3), the job is not
     *     IN_PROGRESS or SCHEDULED, or the retry configuration raises a retry count (J6)
     * @throws ResourceNotFoundException if the job does not exist
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    UpdateJobResponse updateJob(UpdateJobRequest request);

    /**
     * Cancels a job: it turns CANCELED, rolls out no further, its QUEUED executions are canceled and, with
     * {@code force}, its IN_PROGRESS ones too (SPEC J7, X18). Canceling a CANCELED job again without force changes
     * nothing.
     *
     * @param request the request
     * @return the job's ARN, id and description
     * @throws InvalidRequestException if a member breaks its shape (SPEC V1), or the job is COMPLETED or
     *     DELETION_IN_PROGRESS (J7, J11)
     * @throws ResourceNotFoundException if the job does not exist
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    CancelJobResponse cancelJob(CancelJobRequest request);

    /**
     * Deletes a job: it turns DELETION_IN_PROGRESS at once, its executions vanish from devices, and due work then
     * deletes its executions and finally the job (SPEC J10-J13).
     *
     * @param request the request
     * @return an empty response
     * @throws InvalidRequestException if jobId or namespaceId breaks its shape (SPEC V1)
     * @throws ResourceNotFoundException if the job does not exist
     * @throws InvalidStateTransitionException if the job is IN_PROGRESS or SCHEDULED and {@code force} is not
     *     set (SPEC J10), or is already DELETION_IN_PROGRESS (J11)
     * @throws LimitExceededException if the maximum number of jobs (10 by default) is in DELETION_IN_PROGRESS
     *     already (SPEC J12)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    DeleteJobResponse deleteJob(DeleteJobRequest request);

    /**
     * Adds targets to a CONTINUOUS IN_PROGRESS job and rolls it out to the things they reach that have no execution
     * of it yet, respecting the job's rollout and scheduled end (SPEC G5, J3, T7, T8).
     *
     * @param request the request
     * @return the job's ARN, id and description
     * @throws InvalidRequestException if a member breaks its shape or the limits (SPEC V1, V3), a target is not a
     *     thing or thing-group ARN of this region and account (V5), or the job is not CONTINUOUS and IN_PROGRESS
     *     (G5)
     * @throws ResourceNotFoundException if the job, or a target thing or thing group, does not exist (SPEC V5)
     * @throws LimitExceededException if the job would have more than the maximum number of targets (100 by
     *     default; SPEC G5, V3)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    AssociateTargetsWithJobResponse associateTargetsWithJob(AssociateTargetsWithJobRequest request);

    /**
     * Returns a job's document exactly as stored, presigned-URL placeholders not substituted (SPEC J6, J16); with
     * {@code beforeSubstitution}, a job made from a managed template shows the template's document with its
     * {@code ${aws:iot:parameter:KEY}} placeholders (J15).
     *
     * @param request the request
     * @return the job document
     * @throws InvalidRequestException if jobId is missing, longer than 64 characters or not {@code [a-zA-Z0-9_-]+}
     *     (SPEC V1)
     * @throws ResourceNotFoundException if the job does not exist
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    GetJobDocumentResponse getJobDocument(GetJobDocumentRequest request);

    /**
     * Describes a thing's execution of a job, the latest or the one {@code executionNumber} names, in any status,
     * terminal ones included (SPEC X6, X14, T4).
     *
     * @param request the request
     * @return the execution, without the job document
     * @throws InvalidRequestException if jobId, thingName or executionNumber breaks its shape (SPEC V1)
     * @throws ResourceNotFoundException if the thing has no execution of the job, or none with that number (SPEC X6)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    DescribeJobExecutionResponse describeJobExecution(DescribeJobExecutionRequest request);

    /**
     * Lists a job's executions, every execution number, optionally of one status, ordered by thing name then
     * execution number, one page at a time (SPEC X17, J5).
     *
     * @param request the request
     * @return a page of execution summaries, and the token of the next page unless this is the last
     * @throws InvalidRequestException if a member breaks its shape (maxResults 1..250, SPEC V1, V3) or nextToken
     *     is not a token this listing issued (J5)
     * @throws ResourceNotFoundException if the job does not exist
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    ListJobExecutionsForJobResponse listJobExecutionsForJob(ListJobExecutionsForJobRequest request);

    /**
     * Lists a thing's executions, optionally of one status or one job, ordered by {@code queuedAt}, job id, then
     * execution number, one page at a time (SPEC X17, J5). An unknown thing has no executions.
     *
     * @param request the request
     * @return a page of execution summaries, and the token of the next page unless this is the last
     * @throws InvalidRequestException if a member breaks its shape (maxResults 1..250, SPEC V1, V3) or nextToken
     *     is not a token this listing issued (J5)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    ListJobExecutionsForThingResponse listJobExecutionsForThing(ListJobExecutionsForThingRequest request);

    /**
     * Cancels a thing's latest execution of a job: QUEUED turns CANCELED, IN_PROGRESS only with {@code force}
     * (SPEC X15, X4, X5, X7).
     *
     * @param request the request
     * @return an empty response
     * @throws InvalidRequestException if a member breaks its shape or the limits (SPEC V1, V3)
     * @throws ResourceNotFoundException if the job does not exist or is DELETION_IN_PROGRESS, or the thing has no
     *     execution of it (SPEC J11)
     * @throws VersionConflictException if {@code expectedVersion} is not the execution's current version; carries
     *     the current state (SPEC X5)
     * @throws InvalidStateTransitionException if the execution is terminal, or IN_PROGRESS and {@code force} is
     *     not set; carries the current state (SPEC X15)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    CancelJobExecutionResponse cancelJobExecution(CancelJobExecutionRequest request);

    /**
     * Deletes one execution of a job on a thing; it leaves the job's counters and may complete a SNAPSHOT job
     * (SPEC X16, J8, J13).
     *
     * @param request the request
     * @return an empty response
     * @throws InvalidRequestException if a member breaks its shape, executionNumber included, which is required
     *     (SPEC V1, X16)
     * @throws ResourceNotFoundException if the job does not exist, or the thing has no execution with that number
     * @throws InvalidStateTransitionException if the execution is IN_PROGRESS and {@code force} is not set; carries
     *     the current state (SPEC X16)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    DeleteJobExecutionResponse deleteJobExecution(DeleteJobExecutionRequest request);

    /**
     * Lists the managed job templates of the engine's catalogue (AWS's {@code AWS-Reboot} and
     * {@code AWS-Download-File} and those the host registered), every version, ordered by name then version, one
     * page at a time, optionally only the versions of one name (SPEC J15).
     *
     * @param request the request
     * @return a page of managed template summaries, and the token of the next page unless this is the last
     * @throws InvalidRequestException if a member breaks its shape (templateName 1..64, maxResults 1..250, SPEC
     *     V1) or nextToken is not a token this listing issued
     */
    ListManagedJobTemplatesResponse listManagedJobTemplates(ListManagedJobTemplatesRequest request);

    /**
     * Describes a managed job template: its document and the parameters CreateJob's {@code documentParameters}
     * fill in (SPEC J15).
     *
     * @param request the request
     * @return the template, the version asked for or, without one, the latest
     * @throws InvalidRequestException if templateName or templateVersion breaks its shape (SPEC V1)
     * @throws ResourceNotFoundException if the catalogue has no template of that name, or not that version
     */
    DescribeManagedJobTemplateResponse describeManagedJobTemplate(DescribeManagedJobTemplateRequest request);

    /**
     * Creates a custom job template from a document, a document source or an existing job (SPEC J14). With
     * {@code jobArn}, the template copies that job's document (or documentSource) and configurations; each
     * configuration given in the request replaces the copied one.
     *
     * @param request the request
     * @return the template's ARN, {@code arn:aws:iot:{region}:{account}:jobtemplate/{jobTemplateId}}, and id
     * @throws InvalidRequestException if a member breaks its shape or the limits (SPEC V1, V3), not exactly one of
     *     {@code document}, {@code documentSource} and {@code jobArn} is given, the source cannot be resolved (V4),
     *     or {@code jobArn} is not a job ARN of this region and account (J14)
     * @throws ResourceNotFoundException if {@code jobArn} names a job that does not exist (SPEC J14)
     * @throws ConflictException if a template with that id exists; carries the id (SPEC J14)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    CreateJobTemplateResponse createJobTemplate(CreateJobTemplateRequest request);

    /**
     * Describes a custom job template: every member as created, and {@code createdAt} (SPEC J14).
     *
     * @param request the request
     * @return the template
     * @throws InvalidRequestException if jobTemplateId is missing, longer than 64 characters or not
     *     {@code [a-zA-Z0-9_-]+} (SPEC V1)
     * @throws ResourceNotFoundException if the template does not exist (SPEC J14)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    DescribeJobTemplateResponse describeJobTemplate(DescribeJobTemplateRequest request);

    /**
     * Lists the custom job templates in creation order ({@code createdAt}, then id), one page at a time (SPEC J14,
     * J5).
     *
     * @param request the request
     * @return a page of template summaries, and the token of the next page unless this is the last
     * @throws InvalidRequestException if a member breaks its shape (maxResults 1..250, SPEC V1, V3) or nextToken
     *     is not a token this listing issued (J5)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    ListJobTemplatesResponse listJobTemplates(ListJobTemplatesRequest request);

    /**
     * Deletes a custom job template; jobs made from it keep their document, configurations and
     * {@code jobTemplateArn} (SPEC J14).
     *
     * @param request the request
     * @return an empty response
     * @throws InvalidRequestException if jobTemplateId breaks its shape (SPEC V1)
     * @throws ResourceNotFoundException if the template does not exist (SPEC J14)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    DeleteJobTemplateResponse deleteJobTemplate(DeleteJobTemplateRequest request);
}
