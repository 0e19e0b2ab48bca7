package dev.iotjobs.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.iotjobs.api.model.Tag;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text columns: the job's structured members (API records, serialized through their components), its tags
 * and targets, name-value maps, and the small maps and lists of a rollout. None of these holds an
 * {@link java.time.Instant}: times live in columns.
 */
final class Json {
    /** Reads JSON written by an older version of the records too: members it does not know are skipped. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Tag>> TAGS = new TypeReference<>() {
    };
    /** A LinkedHashMap, so that the keys come back in the order they were written. */
    private static final TypeReference<LinkedHashMap<String, Integer>> COUNT_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Integer>> INTEGERS = new TypeReference<>() {
    };

    private Json() {
    }

    /** @param value a record, list or map, or null @return its JSON text, or null for null */
    static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @param json JSON text, or null @param type the record type @return the value, or null for null */
    static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON does not read as " + type.getSimpleName(), e);
        }
    }

    static Map<String, String> stringMap(String json) {
        return read(json, STRING_MAP);
    }

    static List<String> strings(String json) {
        return read(json, STRINGS);
    }

    static List<Tag> tags(String json) {
        return read(json, TAGS);
    }

    /** @param json a JSON object of numbers, or null @return it, keys in written order, or null for null */
    static Map<String, Integer> countMap(String json) {
        return read(json, COUNT_MAP);
    }

    static List<Integer> integers(String json) {
        return read(json, INTEGERS);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON does not read as " + type.getType(), e);
        }
    }
}
