package dev.iotjobs.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The data plane on the wire (SPEC W1-W3): routes, shapes, integer seconds, errors as AWS sends them. */
class DataPlaneWireTest {
    private static final String DATA_SCOPE =
            "AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/iot-jobs-data/aws4_request, SignedHeaders=host, "
                    + "Signature=00";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.789Z");

    private JobsEngine engine;
    private JobsWire wire;

    @BeforeEach
    void fleet() {
        engine = JobsEngine.builder().repository(new InMemoryJobRepository()).clock(new MutableClock(NOW)).build();
        wire = new JobsWire(engine, () -> "127.0.0.1:8080");
        engine.things().createThing(CreateThingRequest.builder().thingName("t:1").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document("{\"op\":\"reboot\"}")
                .targets("arn:aws:iot:us-east-1:123456789012:thing/t:1").build());
    }

    @Test
    void w1_w3_aDeviceRoundTripInTheDataPlanesShapes() throws Exception {
        WireResponse pending = call("GET", "/things/t%3A1/jobs", null, "");
        assertThat(pending.status()).isEqualTo(200);
        JsonNode queued = json(pending).get("queuedJobs").get(0);
        assertThat(queued.get("jobId").asText()).isEqualTo("j1");
        assertThat(queued.get("queuedAt").isIntegralNumber()).isTrue();
        assertThat(queued.get("queuedAt").longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(json(pending).get("inProgressJobs")).isEmpty();

        WireResponse started = call("PUT", "/things/t%3A1/jobs/$next", null,
                "{\"statusDetails\":{\"step\":\"download\"},\"stepTimeoutInMinutes\":5}");
        assertThat(started.status()).isEqualTo(200);
        JsonNode execution = json(started).get("execution");
        assertThat(execution.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(execution.get("thingName").asText()).isEqualTo("t:1");
        assertThat(execution.get("statusDetails").get("step").asText()).isEqualTo("download");
        assertThat(execution.get("jobDocument").isTextual()).isTrue();
        assertThat(execution.get("jobDocument").asText()).isEqualTo("{\"op\":\"reboot\"}");
        assertThat(execution.get("startedAt").isIntegralNumber()).isTrue();
        assertThat(execution.has("thingArn")).isFalse();
        long version = execution.get("versionNumber").longValue();

        WireResponse described = call("GET", "/things/t%3A1/jobs/%24next", "includeJobDocument=false", "");
        assertThat(json(described).get("execution").get("jobId").asText()).isEqualTo("j1");
        assertThat(json(described).get("execution").has("jobDocument")).isFalse();

        WireResponse updated = call("POST", "/things/t%3A1/jobs/j1", null, "{\"status\":\"SUCCEEDED\","
                + "\"expectedVersion\":" + version + ",\"includeJobExecutionState\":true}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(json(updated).get("executionState").get("status").asText()).isEqualTo("SUCCEEDED");

        WireResponse empty = call("PUT", "/things/t%3A1/jobs/$next", null, "{}");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.bodyText()).isEqualTo("{}");
        assertThat(empty.headers()).containsKey("x-amzn-RequestId");
    }

    @Test
    void w2_aVersionMismatchIsInvalidStateTransitionWithTheCurrentState() throws Exception {
        call("PUT", "/things/t%3A1/jobs/$next", null, "{}");
        WireResponse stale = call("POST", "/things/t%3A1/jobs/j1", null,
                "{\"status\":\"SUCCEEDED\",\"expectedVersion\":1}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.headers()).containsEntry("x-amzn-ErrorType", "InvalidStateTransitionException");
        assertThat(json(stale).get("executionState").get("versionNumber").longValue()).isEqualTo(2);
        assertThat(json(stale).get("message").asText()).isNotBlank();
    }

    @Test
    void w2_engineErrorsKeepTheirCodeAndStatus() throws Exception {
        WireResponse unknown = call("GET", "/things/ghost/jobs", null, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers()).containsEntry("x-amzn-ErrorType", "ResourceNotFoundException")
                .containsEntry("Content-Type", "application/json").containsKey("x-amzn-RequestId");
        assertThat(json(unknown).get("message").asText()).contains("ghost");

        WireResponse badStatus = call("POST", "/things/t%3A1/jobs/j1", null, "{\"status\":\"DONE\"}");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(json(badStatus).get("message").asText()).startsWith("status: must be one of");
    }

    @Test
    void w2_malformedRequestsAre4xxNamingTheProblemAndChangeNothing() throws Exception {
        Map<String, WireResponse> answers = Map.of(
                "body: is not valid JSON at line 1, column 12",
                call("POST", "/things/t%3A1/jobs/j1", null, "{\"status\": }"),
                "body: must be a JSON object", call("PUT", "/things/t%3A1/jobs/$next", null, "[1]"),
                "body: is not valid JSON at line 1, column 32",
                call("POST", "/things/t%3A1/jobs/j1", null, "{\"status\":\"SUCCEEDED\"} trailing"),
                "body: member 'status' given twice",
                call("POST", "/things/t%3A1/jobs/j1", null, "{\"status\":\"FAILED\",\"status\":\"SUCCEEDED\"}"),
                "jobId: ", call("GET", "/things/t%3A1/jobs/", null, ""),
                "stepTimeoutInMinutes: must be a whole number",
                call("PUT", "/things/t%3A1/jobs/$next", null, "{\"stepTimeoutInMinutes\":\"5\"}"),
                "expectedVersion: must be a whole number",
                call("POST", "/things/t%3A1/jobs/j1", null, "{\"status\":\"SUCCEEDED\",\"expectedVersion\":1e40}"),
                "statusDetails.step: must be a string",
                call("PUT", "/things/t%3A1/jobs/$next", null, "{\"statusDetails\":{\"step\":1}}"),
                "executionNumber: given more than once in the query",
                call("GET", "/things/t%3A1/jobs/j1", "executionNumber=1&executionNumber=2", ""),
                "includeJobDocument: must be true or false",
                call("GET", "/things/t%3A1/jobs/j1", "includeJobDocument=yes", ""));
        answers.forEach((problem, answer) -> {
            assertThat(answer.status()).as(problem).isEqualTo(400);
            assertThat(answer.headers()).as(problem).containsEntry("x-amzn-ErrorType", "InvalidRequestException");
            assertThat(answer.bodyText()).as(problem).contains(problem);
        });
        for (String[] path : new String[][] {{"/things/t%FF/jobs", "path: is not valid UTF-8 once percent-decoded"},
                {"/things/t\u00e9/jobs", "path: characters other than printable ASCII must be percent-encoded"}}) {
            WireResponse answer = call("GET", path[0], null, "");
            assertThat(answer.status()).as(path[0]).isEqualTo(400);
            assertThat(answer.bodyText()).as(path[0]).contains(path[1]);
        }
        WireResponse notUtf8 = wire.handle(new WireRequest("PUT", "/things/t%3A1/jobs/$next", null,
                Map.of("Authorization", List.of(DATA_SCOPE)), new byte[] {'{', '"', (byte) 0xC3, '"', '}'}),
                Plane.DATA);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.bodyText()).contains("body: is not valid UTF-8");
        WireResponse tooBig = wire.handle(new WireRequest("PUT", "/things/t%3A1/jobs/$next", null, Map.of(),
                new byte[JobsWire.MAX_BODY_BYTES + 1]), Plane.DATA);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.bodyText()).contains("body: must be at most 1048576 bytes");
        WireResponse route = call("DELETE", "/things/t%3A1/jobs/j1", null, "");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.headers()).containsEntry("x-amzn-ErrorType", "UnknownOperationException");

        // Nothing of it reached the engine: the execution is still QUEUED at version 1.
        JsonNode queued = json(call("GET", "/things/t%3A1/jobs", null, "")).get("queuedJobs").get(0);
        assertThat(queued.get("versionNumber").longValue()).isEqualTo(1);
    }

    @Test
    void w2_anUnexpectedFailureIs500WithARequestIdAndNoStackTrace() {
        WireResponse failed = pendingThrough(new IllegalStateException("a bug with secrets in it"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.headers()).containsEntry("x-amzn-ErrorType", "InternalFailureException");
        assertThat(failed.bodyText()).contains(failed.headers().get("x-amzn-RequestId"))
                .doesNotContain("secrets", "IllegalStateException", "at dev.");
    }

    @Test
    void w2_aStoreFailureIs503WithoutTheStoresDetails() {
        WireResponse failed = pendingThrough(
                new ServiceUnavailableException("the iotjobs database failed: host db.internal:5432"));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.headers()).containsEntry("x-amzn-ErrorType", "ServiceUnavailableException");
        assertThat(failed.bodyText()).contains(failed.headers().get("x-amzn-RequestId")).doesNotContain("db.internal");
    }

    @Test
    void w1_theCredentialScopeThenTheHostNameThePlane() {
        assertThat(Plane.of(request(Map.of("Authorization", List.of(DATA_SCOPE))))).isEqualTo(Plane.DATA);
        assertThat(Plane.of(request(Map.of("Authorization", List.of(DATA_SCOPE.replace("iot-jobs-data", "iot"))))))
                .isEqualTo(Plane.CONTROL);
        // A signature wins over the host.
        assertThat(Plane.of(request(Map.of("Authorization", List.of(DATA_SCOPE.replace("iot-jobs-data", "iot")),
                "Host", List.of("data.jobs.iot.us-east-1.amazonaws.com"))))).isEqualTo(Plane.CONTROL);
        assertThat(Plane.of(request(Map.of("host", List.of("data.jobs.iot.us-east-1.amazonaws.com")))))
                .isEqualTo(Plane.DATA);
        assertThat(Plane.of(request(Map.of("Host", List.of("127.0.0.1:8080"))))).isEqualTo(Plane.CONTROL);
        assertThat(Plane.of(request(Map.of()))).isEqualTo(Plane.CONTROL);
    }

    /** @return the answer to GetPendingJobExecutions from a data plane that throws {@code failure} */
    private static WireResponse pendingThrough(RuntimeException failure) {
        JobsDataPlane failing = (JobsDataPlane) Proxy.newProxyInstance(JobsDataPlane.class.getClassLoader(),
                new Class<?>[] {JobsDataPlane.class}, (proxy, method, args) -> {
                    throw failure;
                });
        JobsEngine engine = JobsEngine.builder().repository(new InMemoryJobRepository()).build();
        return new JobsWire(engine.controlPlane(), engine.things(), failing, () -> "127.0.0.1:8080",
                Signatures.notChecked()).handle(new WireRequest("GET", "/things/t1/jobs", null, Map.of(), null),
                Plane.DATA);
    }

    private WireResponse call(String method, String path, String query, String body) {
        WireRequest request = new WireRequest(method, path, query, Map.of("Authorization", List.of(DATA_SCOPE)),
                body.getBytes(StandardCharsets.UTF_8));
        return wire.handle(request, Plane.of(request));
    }

    private static WireRequest request(Map<String, List<String>> headers) {
        return new WireRequest("GET", "/things/t1/jobs", null, headers, null);
    }

    private static JsonNode json(WireResponse response) throws Exception {
        return WireJson.MAPPER.readTree(response.body());
    }
}
