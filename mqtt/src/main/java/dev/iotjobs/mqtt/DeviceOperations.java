package dev.iotjobs.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.data.DescribeJobExecutionRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsResponse;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.model.JobExecution;

/**
 * The four device operations: each request is one engine call, each answer the engine's, in the MQTT shapes. No
 * rules here: the engine validates the members (SPEC W1-W5).
 */
final class DeviceOperations {
    private final JobsDataPlane dataPlane;

    DeviceOperations(JobsDataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    /**
     * @param topic the request's topic, parsed
     * @param payload its payload
     * @return the {@code /accepted} answer, without clientToken and timestamp
     * @throws dev.iotjobs.api.error.JobsException when the engine refuses the request
     */
    ObjectNode call(RequestTopic topic, RequestPayload payload) {
        return switch (topic.operation()) {
            case GET_PENDING -> getPending(topic.thingName());
            case START_NEXT -> startNext(topic.thingName(), payload);
            case DESCRIBE -> describe(topic.thingName(), topic.jobId(), payload);
            case UPDATE -> update(topic.thingName(), topic.jobId(), payload);
        };
    }

    private ObjectNode getPending(String thingName) {
        GetPendingJobExecutionsResponse pending = dataPlane.getPendingJobExecutions(
                GetPendingJobExecutionsRequest.builder().thingName(thingName).build());
        ObjectNode answer = MqttJson.object();
        answer.set("inProgressJobs", MqttShapes.summaries(pending.inProgressJobs()));
        answer.set("queuedJobs", MqttShapes.summaries(pending.queuedJobs()));
        return answer;
    }

    private ObjectNode startNext(String thingName, RequestPayload payload) {
        JobExecution execution = dataPlane.startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName(thingName)
                .statusDetails(payload.stringMap("statusDetails"))
                .stepTimeoutInMinutes(payload.longValue("stepTimeoutInMinutes"))
                .build()).execution();
        return withExecution(execution);
    }

    private ObjectNode describe(String thingName, String jobId, RequestPayload payload) {
        JobExecution execution = dataPlane.describeJobExecution(DescribeJobExecutionRequest.builder()
                .thingName(thingName).jobId(jobId)
                .executionNumber(payload.longValue("executionNumber"))
                .includeJobDocument(payload.bool("includeJobDocument"))
                .build()).execution();
        return withExecution(execution);
    }

    private ObjectNode update(String thingName, String jobId, RequestPayload payload) {
        UpdateJobExecutionResponse updated = dataPlane.updateJobExecution(UpdateJobExecutionRequest.builder()
                .thingName(thingName).jobId(jobId)
                .status(payload.status())
                .statusDetails(payload.stringMap("statusDetails"))
                .expectedVersion(payload.longValue("expectedVersion"))
                .executionNumber(payload.longValue("executionNumber"))
                .includeJobExecutionState(payload.bool("includeJobExecutionState"))
                .includeJobDocument(payload.bool("includeJobDocument"))
                .stepTimeoutInMinutes(payload.longValue("stepTimeoutInMinutes"))
                .build());
        ObjectNode answer = MqttJson.object();
        if (updated.executionState() != null) {
            answer.set("executionState", MqttShapes.executionState(updated.executionState()));
        }
        MqttJson.putDocument(answer, "jobDocument", updated.jobDocument());
        return answer;
    }

    /** StartNext and $next with nothing pending answer no {@code execution} at all. */
    private static ObjectNode withExecution(JobExecution execution) {
        ObjectNode answer = MqttJson.object();
        if (execution != null) {
            answer.set("execution", MqttShapes.execution(execution));
        }
        return answer;
    }
}
