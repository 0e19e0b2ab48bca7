package dev.iotjobs.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.data.DescribeJobExecutionRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsResponse;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device data plane's four routes (iot-jobs-data): each request becomes one engine call, each answer the
 * engine's, in the data plane's shapes. No rules here: the engine validates the members.
 */
final class DataPlaneRoutes {
    private static final String NEXT = "$next";

    private final JobsDataPlane dataPlane;

    DataPlaneRoutes(JobsDataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    /**
     * @param request the request
     * @return the response body, or empty when no data-plane operation has this method and path
     */
    Optional<ObjectNode> handle(WireRequest request) {
        List<String> path = WireInput.pathSegments(request.rawPath());
        if (path.size() < 3 || path.size() > 4 || !path.get(0).equals("things") || !path.get(2).equals("jobs")) {
            return Optional.empty();
        }
        String thingName = path.get(1);
        String jobId = path.size() == 4 ? path.get(3) : null;
        return switch (request.method() + (jobId == null ? " pending" : " execution")) {
            case "GET pending" -> Optional.of(getPending(thingName));
            case "GET execution" -> Optional.of(describe(thingName, jobId, WireInput.query(request.rawQuery())));
            case "PUT execution" -> NEXT.equals(jobId)
                    ? Optional.of(startNext(thingName, WireInput.body(request.body())))
                    : Optional.empty();
            case "POST execution" -> Optional.of(update(thingName, jobId, WireInput.body(request.body())));
            default -> Optional.empty();
        };
    }

    private ObjectNode getPending(String thingName) {
        GetPendingJobExecutionsResponse pending = dataPlane.getPendingJobExecutions(
                GetPendingJobExecutionsRequest.builder().thingName(thingName).build());
        ObjectNode body = WireJson.object();
        DataPlaneShapes.summaries(body, "inProgressJobs", pending.inProgressJobs());
        DataPlaneShapes.summaries(body, "queuedJobs", pending.queuedJobs());
        return body;
    }

    private ObjectNode describe(String thingName, String jobId, Map<String, String> query) {
        JobExecution execution = dataPlane.describeJobExecution(DescribeJobExecutionRequest.builder()
                .thingName(thingName).jobId(jobId)
                .includeJobDocument(WireInput.queryBoolean(query, "includeJobDocument"))
                .executionNumber(WireInput.queryLong(query, "executionNumber"))
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
        if (status == null) {
            return null;
        }
        try {
            return JobExecutionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status: must be one of " + Arrays.toString(JobExecutionStatus.values())
                    + ", got \"" + status + "\"");
        }
    }
}
