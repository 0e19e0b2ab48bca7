package dev.iotjobs.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the bridge, to prove {@link DeviceSdkClient} before the real one exists: a HiveMQ MQTT 3.1.1 client
 * that answers the jobs topics of every thing with fixed payloads shaped as reference/aws-wire.md section 2 says.
 *
 * <p>Each thing has one execution, {@value #JOB_ID}, IN_PROGRESS at version {@value #VERSION}; an update with that
 * expectedVersion is accepted (version + 1), any other is a VersionMismatch; an update of a job named
 * {@code code-{Code}} is rejected with that code; describing an unknown job is ResourceNotFound; a payload that is
 * not JSON is InvalidJson, without a clientToken.
 */
final class FakeJobsResponder implements AutoCloseable {
    static final String JOB_ID = "job-1";
    static final int VERSION = 2;
    static final long QUEUED_AT = 1_700_000_000L;
    static final long STARTED_AT = 1_700_000_060L;
    static final long NOW = 1_700_000_120L;
    static final String REJECTED_CODE_PREFIX = "code-";

    private final ObjectMapper json = new ObjectMapper();
    private final Mqtt3AsyncClient client;

    private FakeJobsResponder(Mqtt3AsyncClient client) {
        this.client = client;
    }

    static FakeJobsResponder start(EmbeddedMqttBroker broker) {
        return start(broker.host(), broker.port());
    }

    static FakeJobsResponder start(String host, int port) {
        Mqtt3AsyncClient client = Mqtt3Client.builder().identifier("fake-bridge").serverHost(host).serverPort(port)
                .buildAsync();
        FakeJobsResponder responder = new FakeJobsResponder(client);
        client.publishes(MqttGlobalPublishFilter.ALL, responder::onRequest);
        join(client.connect().thenCompose(ack -> client.subscribeWith()
                .topicFilter("$aws/things/+/jobs/#").qos(MqttQos.AT_LEAST_ONCE).send()));
        return responder;
    }

    /** Publishes {@code notify} for {@code thingName}: job-1 in progress, job-2 queued. */
    void notifyPendingSet(String thingName) {
        ObjectNode jobs = json.createObjectNode();
        jobs.putArray("IN_PROGRESS").add(summary(JOB_ID, STARTED_AT));
        jobs.putArray("QUEUED").add(summary("job-2", null));
        ObjectNode event = json.createObjectNode();
        event.set("jobs", jobs);
        event.put("timestamp", NOW);
        publish(jobsTopic(thingName, "notify"), event);
    }

    /** Publishes {@code notify-next} for {@code thingName}, naming job-2 as the next execution. */
    void notifyNext(String thingName) {
        ObjectNode event = json.createObjectNode();
        ObjectNode execution = execution(thingName, "job-2", "QUEUED", 1);
        execution.remove("startedAt");
        event.set("execution", execution);
        event.put("timestamp", NOW);
        publish(jobsTopic(thingName, "notify-next"), event);
    }

    @Override
    public void close() {
        join(client.disconnect());
    }

    private void onRequest(Mqtt3Publish publish) {
        String[] levels = publish.getTopic().toString().split("/");
        // $aws/things/{thing}/jobs/{op}  or  $aws/things/{thing}/jobs/{jobId}/{get|update}; answers and notices are
        // ours (or another responder's) and carry one more level or a notify name.
        String last = levels[levels.length - 1];
        if (levels.length < 5 || levels.length > 6 || levels[4].startsWith("notify") || last.equals("accepted")
                || last.equals("rejected")) {
            return;
        }
        String thingName = levels[2];
        String requestTopic = publish.getTopic().toString();
        JsonNode request;
        try {
            request = json.readTree(publish.getPayloadAsBytes());
        } catch (IOException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            publish(requestTopic + "/rejected", rejection("InvalidJson", "payload is not a JSON object", null));
            return;
        }
        String token = request.path("clientToken").asText(null);
        if (levels.length == 5) {
            switch (levels[4]) {
                case "get" -> publish(requestTopic + "/accepted", pending(token));
                case "start-next" -> publish(requestTopic + "/accepted",
                        answer(token).set("execution", execution(thingName, JOB_ID, "IN_PROGRESS", VERSION)));
                default -> publish(requestTopic + "/rejected", rejection("InvalidTopic", "no such operation", token));
            }
            return;
        }
        String jobId = levels[4];
        switch (levels[5]) {
            case "get" -> describe(requestTopic, thingName, jobId, token);
            case "update" -> update(requestTopic, jobId, request, token);
            default -> publish(requestTopic + "/rejected", rejection("InvalidTopic", "no such operation", token));
        }
    }

    private void describe(String requestTopic, String thingName, String jobId, String token) {
        if (jobId.equals(JOB_ID) || jobId.equals("$next")) {
            publish(requestTopic + "/accepted",
                    answer(token).set("execution", execution(thingName, JOB_ID, "IN_PROGRESS", VERSION)));
        } else {
            publish(requestTopic + "/rejected", rejection("ResourceNotFound", "no execution of " + jobId, token));
        }
    }

    private void update(String requestTopic, String jobId, JsonNode request, String token) {
        if (jobId.startsWith(REJECTED_CODE_PREFIX)) {
            ObjectNode rejected = rejection(jobId.substring(REJECTED_CODE_PREFIX.length()), "as asked", token);
            rejected.set("executionState", state("IN_PROGRESS", VERSION));
            publish(requestTopic + "/rejected", rejected);
        } else if (request.path("expectedVersion").asInt(-1) == VERSION) {
            ObjectNode accepted = answer(token);
            accepted.set("executionState", state(request.path("status").asText(), VERSION + 1));
            accepted.putObject("jobDocument").put("operation", "reboot");
            publish(requestTopic + "/accepted", accepted);
        } else {
            ObjectNode rejected = rejection("VersionMismatch", "expectedVersion is not " + VERSION, token);
            rejected.set("executionState", state("IN_PROGRESS", VERSION));
            publish(requestTopic + "/rejected", rejected);
        }
    }

    private ObjectNode pending(String token) {
        ObjectNode answer = answer(token);
        answer.putArray("inProgressJobs").add(summary(JOB_ID, STARTED_AT));
        answer.putArray("queuedJobs").add(summary("job-2", null));
        return answer;
    }

    private ObjectNode execution(String thingName, String jobId, String status, int version) {
        ObjectNode execution = json.createObjectNode();
        execution.put("jobId", jobId);
        execution.put("thingName", thingName);
        execution.put("status", status);
        execution.putObject("statusDetails").put("step", "download");
        execution.put("queuedAt", QUEUED_AT);
        execution.put("startedAt", STARTED_AT);
        execution.put("lastUpdatedAt", STARTED_AT);
        execution.put("versionNumber", version);
        execution.put("executionNumber", 1L);
        // Over MQTT the job document is a JSON object (the SDKs parse it as a map).
        execution.putObject("jobDocument").put("operation", "reboot");
        return execution;
    }

    private ObjectNode summary(String jobId, Long startedAt) {
        ObjectNode summary = json.createObjectNode();
        summary.put("jobId", jobId);
        summary.put("queuedAt", QUEUED_AT);
        if (startedAt != null) {
            summary.put("startedAt", startedAt);
        }
        summary.put("lastUpdatedAt", startedAt == null ? QUEUED_AT : startedAt);
        summary.put("versionNumber", startedAt == null ? 1 : VERSION);
        summary.put("executionNumber", 1L);
        return summary;
    }

    private ObjectNode state(String status, int version) {
        ObjectNode state = json.createObjectNode();
        state.put("status", status);
        state.putObject("statusDetails").put("step", "download");
        state.put("versionNumber", version);
        return state;
    }

    private ObjectNode rejection(String code, String message, String token) {
        ObjectNode rejected = answer(token);
        rejected.put("code", code);
        rejected.put("message", message);
        return rejected;
    }

    private ObjectNode answer(String token) {
        ObjectNode answer = json.createObjectNode();
        if (token != null) {
            answer.put("clientToken", token);
        }
        answer.put("timestamp", NOW);
        return answer;
    }

    private void publish(String topic, JsonNode payload) {
        try {
            client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(json.writeValueAsBytes(payload))
                    .send();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jobsTopic(String thingName, String suffix) {
        return "$aws/things/" + thingName + "/jobs/" + suffix;
    }

    private static void join(CompletableFuture<?> future) {
        try {
            future.get(DeviceSdkClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake responder: " + e, e);
        }
    }
}
