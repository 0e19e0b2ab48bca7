package dev.iotjobs.mqtt;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.Values;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request's JSON payload and strict readers of its members. Members AWS does not model are ignored (the Java
 * device SDK also sends {@code thingName} and {@code jobId}); a member of the wrong type is an
 * {@link InvalidRequestException} naming it; absent and JSON null both mean "not given".
 */
final class RequestPayload {
    private final ObjectNode body;

    private RequestPayload(ObjectNode body) {
        this.body = body;
    }

    /**
     * @param payload the bytes a device published; empty is {@code {}} (as {@code mosquitto_pub -n} sends)
     * @return the payload
     * @throws RejectedRequest InvalidJson when it is not UTF-8 or not JSON; InvalidRequest when it is JSON but
     *     not an object or gives a member twice
     */
    static RequestPayload parse(byte[] payload) {
        if (payload.length == 0) {
            return new RequestPayload(MqttJson.object());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedRequest(RejectedCode.InvalidJson, "payload: is not valid UTF-8");
        }
        JsonNode tree;
        try {
            tree = MqttJson.MAPPER.readTree(text);
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage();
            if (reason != null && reason.startsWith("Duplicate field ")) {
                throw new RejectedRequest(RejectedCode.InvalidRequest, "payload: member "
                        + reason.substring("Duplicate field ".length()) + " given twice");
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new RejectedRequest(RejectedCode.InvalidJson, "payload: is not valid JSON" + where);
        }
        if (tree instanceof ObjectNode object) {
            return new RequestPayload(object);
        }
        throw new RejectedRequest(RejectedCode.InvalidRequest, "payload: must be a JSON object");
    }

    /**
     * @return the {@code clientToken} to echo, or null when absent or not a string (a token that is not a
     *     string cannot be echoed as the device SDKs compare it)
     */
    String clientToken() {
        JsonNode value = body.get("clientToken");
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** @return the member's text, or null when not given */
    String string(String member) {
        JsonNode value = present(member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(member + ": must be a string, got " + kind(value));
        }
        return value.textValue();
    }

    /** @return the member's whole number, or null when not given */
    Long longValue(String member) {
        JsonNode value = present(member);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidRequestException(member + ": must be a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ", got " + kind(value));
        }
        return value.longValue();
    }

    /** @return the member's boolean, or null when not given */
    Boolean bool(String member) {
        JsonNode value = present(member);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(member + ": must be true or false, got " + kind(value));
        }
        return value.booleanValue();
    }

    /** @return the member's map of strings to strings, or null when not given */
    Map<String, String> stringMap(String member) {
        JsonNode value = present(member);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidRequestException(member + ": must be an object of strings, got " + kind(value));
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.properties().forEach(entry -> {
            if (!entry.getValue().isTextual()) {
                throw new InvalidRequestException(member + "." + entry.getKey() + ": must be a string, got "
                        + kind(entry.getValue()));
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        });
        return map;
    }

    /** @return the {@code status} member, or null when not given */
    JobExecutionStatus status() {
        return Values.enumValue(JobExecutionStatus.class, "status", string("status"));
    }

    private JsonNode present(String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? null : value;
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "a number out of range" : "a number with a fraction";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
