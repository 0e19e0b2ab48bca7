package dev.iotjobs.api;

import dev.iotjobs.api.data.DescribeJobExecutionRequest;
import dev.iotjobs.api.data.DescribeJobExecutionResponse;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsResponse;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionResponse;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;

/**
 * The device side: AWS's {@code iot-jobs-data} operations, as the AWS SDK for Java v2 names them.
 */
public interface JobsDataPlane {
    /** @param request the request; {@code jobId} may be {@code $next} @return the response */
    DescribeJobExecutionResponse describeJobExecution(DescribeJobExecutionRequest request);

    /** @param request the request @return the thing's pending executions, in queue order */
    GetPendingJobExecutionsResponse getPendingJobExecutions(GetPendingJobExecutionsRequest request);

    /** @param request the request @return the head of the thing's queue, started */
    StartNextPendingJobExecutionResponse startNextPendingJobExecution(StartNextPendingJobExecutionRequest request);

    /** @param request the request @return the response */
    UpdateJobExecutionResponse updateJobExecution(UpdateJobExecutionRequest request);
}
