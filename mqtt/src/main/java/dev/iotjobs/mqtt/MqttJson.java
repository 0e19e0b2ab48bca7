package dev.iotjobs.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** The JSON of MQTT payloads: one strict mapper, and objects that leave out what is not set. */
final class MqttJson {
    /** Nothing after the JSON value, no member given twice. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private MqttJson() {
    }

    /** @return a new, empty JSON object */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Puts a string member unless it is null. */
    static void put(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    /** Puts a number member unless it is null. */
    static void put(ObjectNode node, String member, Number value) {
        if (value instanceof Long || value instanceof Integer) {
            node.put(member, value.longValue());
        }
    }

    /** Puts a time as integer epoch seconds, as every MQTT payload carries times (SPEC W3), unless it is null. */
    static void put(ObjectNode node, String member, Instant value) {
        if (value != null) {
            node.put(member, value.getEpochSecond());
        }
    }

    /** Puts a map of strings as a JSON object unless it is null. */
    static void put(ObjectNode node, String member, Map<String, String> value) {
        if (value != null) {
            ObjectNode map = node.putObject(member);
            value.forEach(map::put);
        }
    }

    /**
     * Puts a job document as a JSON object, as the device SDKs read it over MQTT (over HTTP it is a string).
     * A stored document is always a JSON object (SPEC V3); one that is not is sent as the string it is.
     */
    static void putDocument(ObjectNode node, String member, String document) {
        if (document == null) {
            return;
        }
        try {
            JsonNode parsed = MAPPER.readTree(document);
            if (parsed != null && parsed.isObject()) {
                node.set(member, parsed);
                return;
            }
        } catch (JsonProcessingException e) {
            // fall through: send it as text
        }
        node.put(member, document);
    }

    /** @return the node's JSON bytes, UTF-8 */
    static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialize", e);
        }
    }
}
