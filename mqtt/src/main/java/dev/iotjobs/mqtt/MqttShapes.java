package dev.iotjobs.mqtt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionState;
import dev.iotjobs.api.model.JobExecutionSummary;
import java.util.List;

/**
 * The data shapes of AWS IoT Jobs over MQTT: times as integer epoch seconds (SPEC W3), {@code statusDetails} as a
 * flat map, the job document as a JSON object (SPEC W4; over HTTP it is a string).
 */
final class MqttShapes {
    private MqttShapes() {
    }

    /** @return the MQTT {@code JobExecution} */
    static ObjectNode execution(JobExecution execution) {
        ObjectNode node = MqttJson.object();
        MqttJson.put(node, "jobId", execution.jobId());
        MqttJson.put(node, "thingName", execution.thingName());
        MqttJson.put(node, "status", execution.status() == null ? null : execution.status().name());
        MqttJson.put(node, "statusDetails", execution.statusDetails());
        MqttJson.put(node, "queuedAt", execution.queuedAt());
        MqttJson.put(node, "startedAt", execution.startedAt());
        MqttJson.put(node, "lastUpdatedAt", execution.lastUpdatedAt());
        MqttJson.put(node, "approximateSecondsBeforeTimedOut", execution.approximateSecondsBeforeTimedOut());
        MqttJson.put(node, "versionNumber", execution.versionNumber());
        MqttJson.put(node, "executionNumber", execution.executionNumber());
        MqttJson.putDocument(node, "jobDocument", execution.jobDocument());
        return node;
    }

    /** @return the MQTT {@code JobExecutionState} */
    static ObjectNode executionState(JobExecutionState state) {
        ObjectNode node = MqttJson.object();
        MqttJson.put(node, "status", state.status() == null ? null : state.status().name());
        MqttJson.put(node, "statusDetails", state.statusDetails());
        MqttJson.put(node, "versionNumber", state.versionNumber());
        return node;
    }

    /** @return a JSON array of MQTT {@code JobExecutionSummary} (null is an empty array) */
    static ArrayNode summaries(List<JobExecutionSummary> summaries) {
        ArrayNode list = MqttJson.object().arrayNode();
        if (summaries != null) {
            for (JobExecutionSummary summary : summaries) {
                ObjectNode item = list.addObject();
                MqttJson.put(item, "jobId", summary.jobId());
                MqttJson.put(item, "queuedAt", summary.queuedAt());
                MqttJson.put(item, "startedAt", summary.startedAt());
                MqttJson.put(item, "lastUpdatedAt", summary.lastUpdatedAt());
                MqttJson.put(item, "versionNumber", summary.versionNumber());
                MqttJson.put(item, "executionNumber", summary.executionNumber());
            }
        }
        return list;
    }
}
