package dev.iotjobs.api;

import dev.iotjobs.api.control.*;

/**
 * The jobs operations of AWS's {@code iot} control plane, as the AWS SDK for Java v2 names them.
 * Every method validates its request first ({@link dev.iotjobs.api.error.InvalidRequestException} naming the
 * member) and either applies the whole change or none of it.
 */
public interface JobsControlPlane {
    /** @param request the request @return the response */
    CreateJobResponse createJob(CreateJobRequest request);

    /** @param request the request @return the response */
    DescribeJobResponse describeJob(DescribeJobRequest request);

    /** @param request the request @return the response */
    ListJobsResponse listJobs(ListJobsRequest request);

    /** @param request the request @return the response */
    UpdateJobResponse updateJob(UpdateJobRequest request);

    /** @param request the request @return the response */
    CancelJobResponse cancelJob(CancelJobRequest request);

    /** @param request the request @return the response */
    DeleteJobResponse deleteJob(DeleteJobRequest request);

    /** @param request the request @return the response */
    AssociateTargetsWithJobResponse associateTargetsWithJob(AssociateTargetsWithJobRequest request);

    /** @param request the request @return the response */
    GetJobDocumentResponse getJobDocument(GetJobDocumentRequest request);

    /** @param request the request @return the response */
    DescribeJobExecutionResponse describeJobExecution(DescribeJobExecutionRequest request);

    /** @param request the request @return the response */
    ListJobExecutionsForJobResponse listJobExecutionsForJob(ListJobExecutionsForJobRequest request);

    /** @param request the request @return the response */
    ListJobExecutionsForThingResponse listJobExecutionsForThing(ListJobExecutionsForThingRequest request);

    /** @param request the request @return the response */
    CancelJobExecutionResponse cancelJobExecution(CancelJobExecutionRequest request);

    /** @param request the request @return the response */
    DeleteJobExecutionResponse deleteJobExecution(DeleteJobExecutionRequest request);
}
