package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device protocol through a real broker (Moquette in the JVM), as the AWS jobs samples drive it. */
class MqttJobsBridgeTest {
    private TestBroker broker;
    private Fleet fleet;
    private MqttJobsBridge bridge;
    private TestDevice device;

    @BeforeEach
    void start() {
        broker = new TestBroker();
        fleet = new Fleet().thing("t1");
        bridge = MqttJobsBridge.builder().engine(fleet.engine).brokerUri(broker.uri())
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).build().start();
        fleet.engine.start();
        device = new TestDevice(broker, "t1");
    }

    @AfterEach
    void stop() {
        device.close();
        bridge.close();
        fleet.engine.close();
        broker.close();
    }

    @Test
    void w4_w5_theAwsJobsSampleFlow() {
        fleet.job("j1", "{\"operation\":\"reboot\",\"nested\":{\"n\":1}}", "t1");

        JsonNode pending = device.accepted("get", "{}");
        assertThat(pending.get("inProgressJobs")).isEmpty();
        JsonNode queued = pending.get("queuedJobs").get(0);
        assertThat(queued.get("jobId").textValue()).isEqualTo("j1");
        assertThat(queued.get("queuedAt").isIntegralNumber()).isTrue();
        assertThat(queued.get("versionNumber").longValue()).isEqualTo(1);
        assertThat(queued.get("executionNumber").longValue()).isEqualTo(1);

        JsonNode started = device.accepted("start-next", "{\"statusDetails\":{\"step\":\"download\"}}")
                .get("execution");
        assertThat(started.get("jobId").textValue()).isEqualTo("j1");
        assertThat(started.get("thingName").textValue()).isEqualTo("t1");
        assertThat(started.get("status").textValue()).isEqualTo("IN_PROGRESS");
        assertThat(started.get("statusDetails").get("step").textValue()).isEqualTo("download");
        assertThat(started.get("jobDocument").isObject()).isTrue();
        assertThat(started.get("jobDocument").get("nested").get("n").intValue()).isEqualTo(1);
        assertThat(started.get("startedAt").isIntegralNumber()).isTrue();
        assertThat(started.get("lastUpdatedAt").isIntegralNumber()).isTrue();
        long version = started.get("versionNumber").longValue();

        JsonNode progress = device.accepted("j1/update", "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":" + version
                + ",\"statusDetails\":{\"step\":\"install\"},\"includeJobExecutionState\":true}");
        assertThat(progress.get("executionState").get("status").textValue()).isEqualTo("IN_PROGRESS");
        assertThat(progress.get("executionState").get("versionNumber").longValue()).isEqualTo(version + 1);
        assertThat(progress.has("jobDocument")).isFalse();

        JsonNode done = device.accepted("j1/update", "{\"status\":\"SUCCEEDED\",\"expectedVersion\":" + (version + 1)
                + ",\"includeJobDocument\":true}");
        assertThat(done.get("jobDocument").get("operation").textValue()).isEqualTo("reboot");
        assertThat(done.has("executionState")).isFalse();

        JsonNode after = device.accepted("get", "{}");
        assertThat(after.get("inProgressJobs")).isEmpty();
        assertThat(after.get("queuedJobs")).isEmpty();
        assertThat(device.accepted("start-next", "{}").has("execution")).isFalse();
        assertThat(device.accepted("$next/get", "{}").has("execution")).isFalse();
    }

    @Test
    void w4_rejectedCodesCarryExecutionStateOnlyWhereAwsSendsIt() {
        fleet.job("j1", "{\"op\":1}", "t1");
        device.accepted("start-next", "{}");

        JsonNode mismatch = device.rejected("j1/update", "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":7}");
        assertThat(mismatch.get("code").textValue()).isEqualTo("VersionMismatch");
        assertThat(mismatch.get("executionState").get("status").textValue()).isEqualTo("IN_PROGRESS");
        assertThat(mismatch.get("executionState").get("versionNumber").longValue()).isEqualTo(2);

        JsonNode notSettable = device.rejected("j1/update", "{\"status\":\"QUEUED\"}");
        assertThat(notSettable.get("code").textValue()).isEqualTo("InvalidRequest");
        assertThat(notSettable.get("message").textValue()).contains("status");
        assertThat(notSettable.has("executionState")).isFalse();

        device.accepted("j1/update", "{\"status\":\"FAILED\"}");
        JsonNode terminal = device.rejected("j1/update", "{\"status\":\"SUCCEEDED\"}");
        assertThat(terminal.get("code").textValue()).isEqualTo("InvalidStateTransition");
        assertThat(terminal.get("executionState").get("status").textValue()).isEqualTo("FAILED");
        assertThat(terminal.get("executionState").get("versionNumber").longValue()).isEqualTo(3);

        JsonNode described = device.rejected("j1/get", "{}");
        assertThat(described.get("code").textValue()).isEqualTo("TerminalStateReached");
        assertThat(described.has("executionState")).isFalse();

        JsonNode unknown = device.rejected("nope/get", "{}");
        assertThat(unknown.get("code").textValue()).isEqualTo("ResourceNotFound");
        assertThat(unknown.has("executionState")).isFalse();
        assertThat(device.rejected("nope/update", "{\"status\":\"SUCCEEDED\"}").get("code").textValue())
                .isEqualTo("ResourceNotFound");

        JsonNode wrongType = device.rejected("start-next", "{\"stepTimeoutInMinutes\":\"5\"}");
        assertThat(wrongType.get("code").textValue()).isEqualTo("InvalidRequest");
        assertThat(wrongType.get("message").textValue()).startsWith("stepTimeoutInMinutes:");
    }

    @Test
    void w4_jobIdsNamedLikeTopicLevelsAreJobsLikeAnyOther() {
        String[] ids = {"get", "start-next", "notify", "notify-next"};
        for (String id : ids) {
            fleet.job(id, "{\"id\":\"" + id + "\"}", "t1");
        }
        for (String id : ids) {
            JsonNode execution = device.accepted(id + "/get", "{}").get("execution");
            assertThat(execution.get("jobId").textValue()).isEqualTo(id);
            assertThat(execution.get("jobDocument").get("id").textValue()).isEqualTo(id);
            JsonNode updated = device.accepted(id + "/update", "{\"status\":\"SUCCEEDED\","
                    + "\"includeJobExecutionState\":true}");
            assertThat(updated.get("executionState").get("status").textValue()).isEqualTo("SUCCEEDED");
        }
        assertThat(device.accepted("get", "{}").get("queuedJobs")).isEmpty();
    }

    @Test
    void e4_notifyAndNotifyNextOnCreationAndCompletion() {
        fleet.job("j1", "{\"step\":1}", "t1");
        JsonNode created = device.nextNotify();
        assertThat(created.get("jobs").get("QUEUED").get(0).get("jobId").textValue()).isEqualTo("j1");
        assertThat(created.get("jobs").has("IN_PROGRESS")).isFalse();
        assertThat(created.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(created.has("clientToken")).isFalse();
        JsonNode next = device.nextNotifyNext();
        assertThat(next.get("execution").get("jobId").textValue()).isEqualTo("j1");
        assertThat(next.get("execution").get("jobDocument").get("step").intValue()).isEqualTo(1);
        assertThat(next.get("timestamp").isIntegralNumber()).isTrue();

        fleet.job("j2", "{\"step\":2}", "t1");
        device.accepted("start-next", "{}"); // j1 QUEUED -> IN_PROGRESS: neither notification (E4)
        JsonNode second = device.nextNotify();
        assertThat(second.get("jobs").get("QUEUED")).extracting(j -> j.get("jobId").textValue())
                .containsExactly("j1", "j2");

        device.accepted("j1/update", "{\"status\":\"SUCCEEDED\"}");
        // The first notify after j2's creation comes from j1 finishing: j1 had moved to IN_PROGRESS silently.
        JsonNode afterJ1 = device.nextNotify();
        assertThat(afterJ1.get("jobs").get("QUEUED")).extracting(j -> j.get("jobId").textValue())
                .containsExactly("j2");
        assertThat(afterJ1.get("jobs").has("IN_PROGRESS")).isFalse();
        assertThat(device.nextNotifyNext().get("execution").get("jobId").textValue()).isEqualTo("j2");

        device.accepted("j2/update", "{\"status\":\"REJECTED\"}");
        JsonNode empty = device.nextNotify();
        assertThat(empty.get("jobs").isObject()).isTrue();
        assertThat(empty.get("jobs")).isEmpty();
        JsonNode emptied = device.nextNotifyNext();
        assertThat(emptied.has("execution")).isFalse();
        assertThat(emptied.get("timestamp").isIntegralNumber()).isTrue();
    }

    @Test
    void w4_everyBadMessageIsRejectedWithALogLineAndTheBridgeKeepsAnswering() {
        fleet.job("j1", "{}", "t1");
        try (LogCapture log = LogCapture.of(RequestHandler.class)) {
            String jobs = "$aws/things/t1/jobs/";
            assertRejected(log, jobs + "get", "garbage{{".getBytes(StandardCharsets.UTF_8), "InvalidJson",
                    "not valid JSON");
            assertRejected(log, jobs + "start-next", new byte[] {(byte) 0xFF, (byte) 0xFE, 0}, "InvalidJson",
                    "not valid UTF-8");
            assertRejected(log, jobs + "get", "[1,2]".getBytes(StandardCharsets.UTF_8), "InvalidRequest",
                    "must be a JSON object");
            // Deeper than the JSON parser goes: refused as InvalidJson, not a StackOverflowError.
            assertRejected(log, jobs + "j1/get", ("[".repeat(100_000) + "]".repeat(100_000))
                    .getBytes(StandardCharsets.UTF_8), "InvalidJson", "not valid JSON");
            assertRejected(log, jobs + "j1/update", "{\"status\":\"SUCCEEDED\",\"expectedVersion\":1e400}"
                    .getBytes(StandardCharsets.UTF_8), "InvalidRequest", "expectedVersion");
            assertRejected(log, jobs + "j1/update", ("{\"clientToken\":\"big\",\"pad\":\"" + "x".repeat(1024 * 1024)
                    + "\"}").getBytes(StandardCharsets.UTF_8), "InvalidRequest", "at most 1048576 bytes");
            assertRejected(log, jobs + "cancel", "{}".getBytes(StandardCharsets.UTF_8), "InvalidTopic",
                    "names no AWS IoT Jobs operation");
            for (String thing : new String[] {"bad thing!", "x".repeat(129), ""}) {
                assertRejected(log, "$aws/things/" + thing + "/jobs/get", "{}".getBytes(StandardCharsets.UTF_8),
                        "InvalidRequest", "thingName");
            }
        }
        // The execution was not touched by any of it, and the bridge answers as before.
        assertThat(bridge.isConnected()).isTrue();
        JsonNode started = device.accepted("start-next", "{}").get("execution");
        assertThat(started.get("jobId").textValue()).isEqualTo("j1");
        assertThat(started.get("versionNumber").longValue()).isEqualTo(2);
    }

    /** Publishes a bad request, expects its rejection on {topic}/rejected and a log line naming the topic. */
    private void assertRejected(LogCapture log, String topic, byte[] payload, String code, String message) {
        try (TestDevice sender = new TestDevice(broker, "sender", topic + "/rejected")) {
            sender.publishTo(topic, payload);
            JsonNode rejected = sender.next(topic + "/rejected");
            assertThat(rejected.get("code").textValue()).as(topic).isEqualTo(code);
            assertThat(rejected.get("message").textValue()).as(topic).contains(message);
            assertThat(rejected.get("timestamp").isIntegralNumber()).isTrue();
        }
        // Written by the worker before it published the answer.
        assertThat(log.lines()).as("log lines of the bridge's request handler").anyMatch(line -> line.contains(
                "rejected a request on " + topic + " ") || line.contains("rejected a request on " + topic + ":"));
    }

    @Test
    void w4_aRequestWithoutClientTokenIsAnsweredWithoutOne() {
        device.publish("get", "{}".getBytes(StandardCharsets.UTF_8));
        JsonNode answer = device.next("$aws/things/t1/jobs/get/accepted");
        assertThat(answer.has("clientToken")).isFalse();
        assertThat(answer.get("timestamp").isIntegralNumber()).isTrue();
    }

    @Test
    void closingStopsAnsweringAndDisconnects() {
        assertThat(bridge.isConnected()).isTrue();
        bridge.close();
        assertThat(bridge.isConnected()).isFalse();
        bridge.close(); // idempotent
    }
}
