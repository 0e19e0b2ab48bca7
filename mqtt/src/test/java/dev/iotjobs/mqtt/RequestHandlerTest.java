package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The answers to requests as built, without a broker (the bridge tests send the same through one). */
class RequestHandlerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.789Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Fleet fleet = new Fleet(clock).thing("t1").job("j1", "{\"op\":\"reboot\"}", "t1");
    private final RequestHandler handler = new RequestHandler(new DeviceOperations(fleet.engine.dataPlane()), clock,
            1024);

    private OutgoingMessage handle(String topic, String payload) {
        return handle(topic, payload.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private Optional<OutgoingMessage> handle(String topic, byte[] payload) {
        return handler.handle(topic, payload);
    }

    private static JsonNode json(OutgoingMessage message) throws Exception {
        return MqttJson.MAPPER.readTree(message.payload());
    }

    @Test
    void w4_w3_anAnswerEchoesTheTokenWithAnIntegerTimestampAndTheDocumentAsAnObject() throws Exception {
        OutgoingMessage answer = handle("$aws/things/t1/jobs/start-next", "{\"clientToken\":\"tok-1\"}");
        assertThat(answer.topic()).isEqualTo("$aws/things/t1/jobs/start-next/accepted");
        JsonNode body = json(answer);
        assertThat(body.get("clientToken").textValue()).isEqualTo("tok-1");
        assertThat(body.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(body.get("timestamp").longValue()).isEqualTo(NOW.getEpochSecond());
        JsonNode execution = body.get("execution");
        assertThat(execution.get("jobDocument").isObject()).isTrue();
        assertThat(execution.get("jobDocument").get("op").textValue()).isEqualTo("reboot");
        assertThat(execution.get("startedAt").isIntegralNumber()).isTrue();
        assertThat(execution.get("queuedAt").longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(execution.get("status").textValue()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void w4_aTopicUnderJobsThatNamesNoOperationIsInvalidTopicOnItsRejectedTopic() throws Exception {
        OutgoingMessage answer = handle("$aws/things/t1/jobs/j1/delete", "{\"clientToken\":\"tok-2\"}");
        assertThat(answer.topic()).isEqualTo("$aws/things/t1/jobs/j1/delete/rejected");
        JsonNode body = json(answer);
        assertThat(body.get("code").textValue()).isEqualTo("InvalidTopic");
        assertThat(body.get("clientToken").textValue()).isEqualTo("tok-2");
        assertThat(body.get("timestamp").longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(body.has("executionState")).isFalse();
    }

    @Test
    void w4_anyOtherNameOneLevelUnderJobsIsInvalidTopic() throws Exception {
        for (String name : new String[] {"foo", "accepted", "update", "", "notify-nextx"}) {
            String topic = "$aws/things/t1/jobs/" + name;
            OutgoingMessage answer = handle(topic, "{\"clientToken\":\"tok-" + name + "\"}");
            assertThat(answer.topic()).isEqualTo(topic + "/rejected");
            assertThat(json(answer).get("code").textValue()).as(topic).isEqualTo("InvalidTopic");
            assertThat(json(answer).get("message").textValue()).contains(topic);
            assertThat(json(answer).get("clientToken").textValue()).isEqualTo("tok-" + name);
        }
    }

    @Test
    void w4_aPayloadThatIsNotJsonIsInvalidJson() throws Exception {
        JsonNode body = json(handle("$aws/things/t1/jobs/get", "{not json"));
        assertThat(body.get("code").textValue()).isEqualTo("InvalidJson");
        assertThat(body.get("message").textValue()).contains("not valid JSON");
        assertThat(body.has("clientToken")).isFalse();
    }

    @Test
    void w4_aPayloadThatIsNotUtf8IsInvalidJson() throws Exception {
        OutgoingMessage answer = handle("$aws/things/t1/jobs/get", new byte[] {'{', (byte) 0xC3, '}'}).orElseThrow();
        assertThat(json(answer).get("code").textValue()).isEqualTo("InvalidJson");
        assertThat(json(answer).get("message").textValue()).contains("UTF-8");
    }

    @Test
    void w4_jsonThatIsNotAnObjectOrGivesAMemberTwiceIsInvalidRequest() throws Exception {
        assertThat(json(handle("$aws/things/t1/jobs/get", "[1,2]")).get("code").textValue())
                .isEqualTo("InvalidRequest");
        JsonNode twice = json(handle("$aws/things/t1/jobs/get", "{\"clientToken\":\"a\",\"clientToken\":\"b\"}"));
        assertThat(twice.get("code").textValue()).isEqualTo("InvalidRequest");
        assertThat(twice.get("message").textValue()).contains("clientToken").contains("twice");
    }

    @Test
    void w4_aMemberOfTheWrongTypeIsInvalidRequestNamingItAndChangesNothing() throws Exception {
        JsonNode body = json(handle("$aws/things/t1/jobs/j1/update",
                "{\"clientToken\":\"tok-3\",\"status\":\"IN_PROGRESS\",\"expectedVersion\":\"1\"}"));
        assertThat(body.get("code").textValue()).isEqualTo("InvalidRequest");
        assertThat(body.get("message").textValue()).startsWith("expectedVersion:").contains("a string");
        assertThat(body.get("clientToken").textValue()).isEqualTo("tok-3");
        JsonNode details = json(handle("$aws/things/t1/jobs/start-next", "{\"statusDetails\":{\"step\":3}}"));
        assertThat(details.get("message").textValue()).startsWith("statusDetails.step:");
        JsonNode status = json(handle("$aws/things/t1/jobs/j1/update", "{\"status\":\"DONE\"}"));
        assertThat(status.get("message").textValue()).startsWith("status:").contains("DONE");
        // Nothing started: the execution is still QUEUED at version 1.
        JsonNode described = json(handle("$aws/things/t1/jobs/j1/get", "{}"));
        assertThat(described.get("execution").get("status").textValue()).isEqualTo("QUEUED");
        assertThat(described.get("execution").get("versionNumber").longValue()).isEqualTo(1);
    }

    @Test
    void w4_unknownMembersAreIgnoredAsTheJavaDeviceSdkSendsThingNameAndJobId() throws Exception {
        JsonNode body = json(handle("$aws/things/t1/jobs/j1/get",
                "{\"clientToken\":\"tok-4\",\"thingName\":\"t1\",\"jobId\":\"j1\",\"includeJobDocument\":false}"));
        assertThat(body.get("execution").get("jobId").textValue()).isEqualTo("j1");
        assertThat(body.get("execution").has("jobDocument")).isFalse();
    }

    @Test
    void w7_anInvalidThingNameInTheTopicIsInvalidRequest() throws Exception {
        OutgoingMessage answer = handle("$aws/things/bad thing!/jobs/get", "{\"clientToken\":\"tok-5\"}");
        assertThat(answer.topic()).isEqualTo("$aws/things/bad thing!/jobs/get/rejected");
        JsonNode body = json(answer);
        assertThat(body.get("code").textValue()).isEqualTo("InvalidRequest");
        assertThat(body.get("message").textValue()).contains("thingName");
        assertThat(json(handle("$aws/things//jobs/start-next", "{}")).get("code").textValue())
                .isEqualTo("InvalidRequest");
    }

    @Test
    void w4_aPayloadOverTheLimitIsRejectedUnread() throws Exception {
        byte[] large = ("{\"clientToken\":\"tok-6\",\"pad\":\"" + "x".repeat(2000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode body = json(handle("$aws/things/t1/jobs/get", large).orElseThrow());
        assertThat(body.get("code").textValue()).isEqualTo("InvalidRequest");
        assertThat(body.get("message").textValue()).contains("at most 1024 bytes");
        assertThat(body.has("clientToken")).isFalse();
    }

    @Test
    void anEmptyPayloadIsAnEmptyRequest() throws Exception {
        JsonNode body = json(handle("$aws/things/t1/jobs/get", new byte[0]).orElseThrow());
        assertThat(body.get("queuedJobs").get(0).get("jobId").textValue()).isEqualTo("j1");
        assertThat(body.get("inProgressJobs").isArray()).isTrue();
    }

    @Test
    void topicsThatAreNotRequestsGetNoAnswer() {
        assertThat(handle("$aws/things/t1/shadow/get", new byte[0])).isEmpty();
        assertThat(handle("$aws/things/t1/jobs/get/accepted", new byte[0])).isEmpty();
        assertThat(handle("$aws/things/t1/jobs/notify-next", new byte[0])).isEmpty();
    }

    @Test
    void w4_aThrottledRequestIsRequestThrottledWithItsToken() throws Exception {
        OutgoingMessage answer = handler.throttled("$aws/things/t1/jobs/get",
                "{\"clientToken\":\"tok-7\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.topic()).isEqualTo("$aws/things/t1/jobs/get/rejected");
        assertThat(json(answer).get("code").textValue()).isEqualTo("RequestThrottled");
        assertThat(json(answer).get("clientToken").textValue()).isEqualTo("tok-7");
    }
}
