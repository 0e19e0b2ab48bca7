package dev.iotjobs.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.ServiceUnavailableException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one device request: parses its topic and payload, makes the engine call, and builds the
 * {@code /accepted} or {@code /rejected} answer with the request's {@code clientToken} and the answer's
 * {@code timestamp} (SPEC W4). The answer is built only after the engine returned, so publishing it acknowledges a
 * committed change (W5). Nothing a device sends makes it throw.
 */
final class RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final DeviceOperations operations;
    private final Clock clock;
    private final int maxPayloadBytes;

    RequestHandler(DeviceOperations operations, Clock clock, int maxPayloadBytes) {
        this.operations = operations;
        this.clock = clock;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * @param topic where the device published
     * @param payload what it published
     * @return the answer to publish; empty for a topic outside {@code $aws/things/{thing}/jobs/}, which is not
     *     the bridge's to answer, and for the service's own outputs (answers and notifications: answering those
     *     would loop)
     */
    Optional<OutgoingMessage> handle(String topic, byte[] payload) {
        if (!RequestTopic.isUnderJobs(topic) || RequestTopic.isServiceOutput(topic)) {
            LOG.debug("ignored a message on {}: not an AWS IoT Jobs request topic", topic);
            return Optional.empty();
        }
        if (payload.length > maxPayloadBytes) {
            // Not parsed: a payload this large gets no clientToken back.
            LOG.warn("rejected a request on {} of {} bytes: payloads are limited to {} bytes", topic, payload.length,
                    maxPayloadBytes);
            return Optional.of(rejected(topic, null, Rejection.of(RejectedCode.InvalidRequest,
                    "payload: must be at most " + maxPayloadBytes + " bytes, got " + payload.length)));
        }
        String clientToken = null;
        try {
            RequestPayload request = RequestPayload.parse(payload);
            clientToken = request.clientToken();
            Optional<RequestTopic> route = RequestTopic.parse(topic);
            if (route.isEmpty()) {
                LOG.debug("rejected a request on {}: InvalidTopic", topic);
                return Optional.of(rejected(topic, clientToken, Rejection.of(RejectedCode.InvalidTopic,
                        "topic: " + topic + " names no AWS IoT Jobs operation (expected $aws/things/{thingName}/jobs/"
                                + "get, .../start-next, .../{jobId}/get or .../{jobId}/update)")));
            }
            return Optional.of(accepted(topic, clientToken, operations.call(route.get(), request)));
        } catch (RejectedRequest e) {
            LOG.debug("rejected a request on {}: {}", topic, e.getMessage());
            return Optional.of(rejected(topic, clientToken, e.rejection()));
        } catch (ServiceUnavailableException e) {
            LOG.warn("the engine failed a request on {}: {}", topic, e.getMessage(), e);
            return Optional.of(rejected(topic, clientToken, Rejection.of(e)));
        } catch (JobsException e) {
            LOG.debug("rejected a request on {}: {}", topic, e.getMessage());
            return Optional.of(rejected(topic, clientToken, Rejection.of(e)));
        } catch (RuntimeException e) {
            LOG.error("a request on {} failed unexpectedly", topic, e);
            return Optional.of(rejected(topic, clientToken, Rejection.of(RejectedCode.InternalError,
                    "the request failed inside the bridge; see the bridge's log")));
        }
    }

    /**
     * @param topic a request topic
     * @param payload its payload
     * @return the {@code RequestThrottled} answer for a request the bridge has no room to take now
     */
    OutgoingMessage throttled(String topic, byte[] payload) {
        String clientToken = null;
        if (payload.length <= maxPayloadBytes) {
            try {
                clientToken = RequestPayload.parse(payload).clientToken();
            } catch (RejectedRequest e) {
                // no token to echo
            }
        }
        return rejected(topic, clientToken, Rejection.of(RejectedCode.RequestThrottled,
                "the bridge has too many requests under way; retry later"));
    }

    private OutgoingMessage accepted(String topic, String clientToken, ObjectNode answer) {
        answer.put("timestamp", clock.instant().getEpochSecond());
        MqttJson.put(answer, "clientToken", clientToken);
        return new OutgoingMessage(JobsTopics.accepted(topic), MqttJson.bytes(answer));
    }

    private OutgoingMessage rejected(String topic, String clientToken, Rejection rejection) {
        ObjectNode answer = MqttJson.object();
        answer.put("code", rejection.code().name());
        answer.put("message", rejection.message());
        MqttJson.put(answer, "clientToken", clientToken);
        answer.put("timestamp", clock.instant().getEpochSecond());
        if (rejection.executionState() != null) {
            answer.set("executionState", MqttShapes.executionState(rejection.executionState()));
        }
        return new OutgoingMessage(JobsTopics.rejected(topic), MqttJson.bytes(answer));
    }
}
