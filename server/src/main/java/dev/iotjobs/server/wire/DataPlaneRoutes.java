package dev.iotjobs.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.data.DescribeJobExecutionRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsResponse;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.Values;

/**
 * The device data plane's four routes (iot-jobs-data): each request becomes one engine call, each answer the
 * engine's, in the data plane's shapes. No rules here: the engine validates the members.
 */
final class DataPlaneRoutes {
    private final JobsDataPlane dataPlane;
    private final RouteTable table = new RouteTable();

    DataPlaneRoutes(JobsDataPlane dataPlane) {
        this.dataPlane = dataPlane;
        table.add("GET /things/{thingName}/jobs", call -> Answer.of(getPending(call.label("thingName"))))
                // StartNext's route carries a literal $next; DescribeJobExecution's $next is a job id (%24next).
                .add("PUT /things/{thingName}/jobs/$next", call -> Answer.of(startNext(call.label("thingName"),
                        call.body())))
                .add("GET /things/{thingName}/jobs/{jobId}", call -> Answer.of(describe(call)))
                .add("POST /things/{thingName}/jobs/{jobId}", call -> Answer.of(update(call.label("thingName"),
                        call.label("jobId"), call.body())));
    }

    /** @return the data plane's routes */
    RouteTable table() {
        return table;
    }

    private ObjectNode getPending(String thingName) {
        GetPendingJobExecutionsResponse pending = dataPlane.getPendingJobExecutions(
                GetPendingJobExecutionsRequest.builder().thingName(thingName).build());
        ObjectNode body = WireJson.object();
        DataPlaneShapes.summaries(body, "inProgressJobs", pending.inProgressJobs());
        DataPlaneShapes.summaries(body, "queuedJobs", pending.queuedJobs());
        return body;
    }

    private ObjectNode describe(WireCall call) {
        JobExecution execution = dataPlane.describeJobExecution(DescribeJobExecutionRequest.builder()
                .thingName(call.label("thingName")).jobId(call.label("jobId"))
                .includeJobDocument(call.queryBoolean("includeJobDocument"))
                .executionNumber(call.queryLong("executionNumber"))
                .build()).execution();
        return withExecution(execution);
    }

    private ObjectNode startNext(String thingName, ObjectNode body) {
        JobExecution execution = dataPlane.startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName(thingName)
                .statusDetails(WireInput.stringMap(body, "statusDetails"))
                .stepTimeoutInMinutes(WireInput.longValue(body, "stepTimeoutInMinutes"))
                .build()).execution();
        return withExecution(execution);
    }

    private ObjectNode update(String thingName, String jobId, ObjectNode body) {
        UpdateJobExecutionResponse updated = dataPlane.updateJobExecution(UpdateJobExecutionRequest.builder()
                .thingName(thingName).jobId(jobId)
                .status(status(WireInput.string(body, "status")))
                .statusDetails(WireInput.stringMap(body, "statusDetails"))
                .stepTimeoutInMinutes(WireInput.longValue(body, "stepTimeoutInMinutes"))
                .expectedVersion(WireInput.longValue(body, "expectedVersion"))
                .includeJobExecutionState(WireInput.bool(body, "includeJobExecutionState"))
                .includeJobDocument(WireInput.bool(body, "includeJobDocument"))
                .executionNumber(WireInput.longValue(body, "executionNumber"))
                .build());
        ObjectNode answer = WireJson.object();
        if (updated.executionState() != null) {
            answer.set("executionState", DataPlaneShapes.executionState(updated.executionState()));
        }
        WireJson.put(answer, "jobDocument", updated.jobDocument());
        return answer;
    }

    private static ObjectNode withExecution(JobExecution execution) {
        ObjectNode body = WireJson.object();
        if (execution != null) {
            body.set("execution", DataPlaneShapes.execution(execution));
        }
        return body;
    }

    /** An unknown status is the wire's to refuse: the engine's requests hold only the enum's values. */
    private static JobExecutionStatus status(String status) {
        return Values.enumValue(JobExecutionStatus.class, "status", status);
    }
}
