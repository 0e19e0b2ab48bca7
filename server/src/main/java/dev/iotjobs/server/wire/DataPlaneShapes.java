package dev.iotjobs.server.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionState;
import dev.iotjobs.api.model.JobExecutionSummary;
import java.time.Instant;
import java.util.List;

/**
 * The data plane's response shapes (iot-jobs-data): times as integer epoch seconds (SPEC W3, the live service's
 * unit), {@code statusDetails} as a flat map, the job document as a JSON string.
 */
final class DataPlaneShapes {
    private DataPlaneShapes() {
    }

    /** @return the data plane's {@code JobExecution} */
    static ObjectNode execution(JobExecution execution) {
        ObjectNode node = WireJson.object();
        WireJson.put(node, "jobId", execution.jobId());
        WireJson.put(node, "thingName", execution.thingName());
        WireJson.put(node, "status", execution.status() == null ? null : execution.status().name());
        WireJson.put(node, "statusDetails", execution.statusDetails());
        times(node, execution.queuedAt(), execution.startedAt(), execution.lastUpdatedAt());
        WireJson.put(node, "approximateSecondsBeforeTimedOut", execution.approximateSecondsBeforeTimedOut());
        WireJson.put(node, "versionNumber", execution.versionNumber());
        WireJson.put(node, "executionNumber", execution.executionNumber());
        WireJson.put(node, "jobDocument", execution.jobDocument());
        return node;
    }

    /** @return the data plane's {@code JobExecutionState} */
    static ObjectNode executionState(JobExecutionState state) {
        ObjectNode node = WireJson.object();
        WireJson.put(node, "status", state.status() == null ? null : state.status().name());
        WireJson.put(node, "statusDetails", state.statusDetails());
        WireJson.put(node, "versionNumber", state.versionNumber());
        return node;
    }

    /** Puts a list of the data plane's {@code JobExecutionSummary} (null is an empty list). */
    static void summaries(ObjectNode node, String member, List<JobExecutionSummary> summaries) {
        ArrayNode list = node.putArray(member);
        if (summaries == null) {
            return;
        }
        for (JobExecutionSummary summary : summaries) {
            ObjectNode item = list.addObject();
            WireJson.put(item, "jobId", summary.jobId());
            times(item, summary.queuedAt(), summary.startedAt(), summary.lastUpdatedAt());
            WireJson.put(item, "versionNumber", summary.versionNumber());
            WireJson.put(item, "executionNumber", summary.executionNumber());
        }
    }

    /** Puts an execution's three times as integer epoch seconds (SPEC W3). */
    private static void times(ObjectNode node, Instant queuedAt, Instant startedAt, Instant lastUpdatedAt) {
        WireJson.put(node, "queuedAt", seconds(queuedAt));
        WireJson.put(node, "startedAt", seconds(startedAt));
        WireJson.put(node, "lastUpdatedAt", seconds(lastUpdatedAt));
    }

    private static Long seconds(Instant time) {
        return time == null ? null : time.getEpochSecond();
    }
}
