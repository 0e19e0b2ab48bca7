package dev.iotjobs.server.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The JSON of bodies on both planes: one mapper, and objects that leave out what is not set. */
final class WireJson {
    /** Strict as AWS is: nothing after the JSON value, no member given twice. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private WireJson() {
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
    static void put(ObjectNode node, String member, Long value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    /** Puts a map of strings as a JSON object unless it is null. */
    static void put(ObjectNode node, String member, Map<String, String> value) {
        if (value != null) {
            ObjectNode map = node.putObject(member);
            value.forEach(map::put);
        }
    }

    /** @return the node's JSON bytes */
    static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialize", e);
        }
    }
}
