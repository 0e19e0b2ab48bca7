package dev.iotjobs.server.wire;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.error.InvalidRequestException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request's members from where AWS puts them (path, query, JSON body), strictly: a malformed part is an
 * {@link InvalidRequestException} naming it (SPEC W2), before the engine sees anything.
 */
final class WireInput {
    private WireInput() {
    }

    /**
     * @param rawPath a percent-encoded path
     * @return its segments, decoded ({@code %24next} is {@code $next}, {@code t%3A1} is {@code t:1})
     */
    static List<String> pathSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        // Empty segments count ("/jobs//" names an empty job id): only the leading slash is dropped.
        String[] parts = rawPath.split("/", -1);
        for (int i = rawPath.startsWith("/") ? 1 : 0; i < parts.length; i++) {
            segments.add(decode(parts[i], "path"));
        }
        return segments;
    }

    /**
     * @param rawQuery a percent-encoded query, or null
     * @return its members, decoded
     * @throws InvalidRequestException for a member given twice or a malformed escape
     */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> members = new HashMap<>();
        for (Map.Entry<String, String> pair : queryPairs(rawQuery)) {
            if (members.put(pair.getKey(), pair.getValue()) != null) {
                throw new InvalidRequestException(pair.getKey() + ": given more than once in the query");
            }
        }
        return members;
    }

    /**
     * @param rawQuery a percent-encoded query, or null
     * @return its name-value pairs in order, decoded, repeats kept
     * @throws InvalidRequestException for a malformed escape
     */
    static List<Map.Entry<String, String>> queryPairs(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                pairs.add(Map.entry(decode(equals < 0 ? pair : pair.substring(0, equals), "query"),
                        equals < 0 ? "" : decode(pair.substring(equals + 1), "query")));
            }
        }
        return pairs;
    }

    /**
     * @param query the query's members
     * @param member an integer member
     * @return its value, or null when absent
     */
    static Integer queryInteger(Map<String, String> query, String member) {
        String value = query.get(member);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(member + ": must be a whole number from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ", got \"" + value + "\"");
        }
    }

    /**
     * @param query the query's members
     * @param member a boolean member
     * @return its value, or null when absent
     */
    static Boolean queryBoolean(Map<String, String> query, String member) {
        String value = query.get(member);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidRequestException(member + ": must be true or false, got \"" + value + "\"");
        };
    }

    /**
     * @param query the query's members
     * @param member a long member
     * @return its value, or null when absent
     */
    static Long queryLong(Map<String, String> query, String member) {
        String value = query.get(member);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(member + ": must be a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ", got \"" + value + "\"");
        }
    }

    /**
     * @param body a request body
     * @return it as a JSON object; an empty body is an empty object
     * @throws InvalidRequestException for a body over the limit, not UTF-8, not JSON, or not an object
     */
    static ObjectNode body(byte[] body) {
        if (body.length > JobsWire.MAX_BODY_BYTES) {
            throw new InvalidRequestException("body: must be at most " + JobsWire.MAX_BODY_BYTES
                    + " bytes, got " + body.length);
        }
        if (body.length == 0) {
            return WireJson.object();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("body: is not valid UTF-8");
        }
        JsonNode tree;
        try {
            tree = WireJson.MAPPER.readTree(text);
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage();
            if (reason != null && reason.startsWith("Duplicate field ")) {
                throw new InvalidRequestException("body: member " + reason.substring("Duplicate field ".length())
                        + " given twice");
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InvalidRequestException("body: is not valid JSON" + where);
        }
        if (tree instanceof ObjectNode object) {
            return object;
        }
        throw new InvalidRequestException("body: must be a JSON object");
    }

    /** @return the member's text, or null when absent or JSON null */
    static String string(ObjectNode body, String member) {
        JsonNode value = present(body, member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(member + ": must be a string");
        }
        return value.textValue();
    }

    /** @return the member's whole number, or null when absent or JSON null */
    static Long longValue(ObjectNode body, String member) {
        JsonNode value = present(body, member);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidRequestException(member + ": must be a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE);
        }
        return value.longValue();
    }

    /** @return the member's boolean, or null when absent or JSON null */
    static Boolean bool(ObjectNode body, String member) {
        JsonNode value = present(body, member);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(member + ": must be true or false");
        }
        return value.booleanValue();
    }

    /** @return the member's map of strings to strings, or null when absent or JSON null */
    static Map<String, String> stringMap(ObjectNode body, String member) {
        JsonNode value = present(body, member);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidRequestException(member + ": must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.properties().forEach(entry -> {
            if (!entry.getValue().isTextual()) {
                throw new InvalidRequestException(member + "." + entry.getKey() + ": must be a string");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        });
        return map;
    }

    /** @return the member's value, or null when it is absent or JSON null (both mean "not given") */
    private static JsonNode present(ObjectNode body, String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? null : value;
    }

    /**
     * Percent-decodes strictly: only printable ASCII on the wire, and UTF-8 once decoded. A {@code +} is a plus, in
     * the query too (AWS's clients send a space as {@code %20}), as SigV4 reads it.
     */
    private static String decode(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new InvalidRequestException(where + ": characters other than printable ASCII must be "
                        + "percent-encoded");
            }
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(where + ": malformed percent-encoding in \"" + text + "\"");
        }
        // URLDecoder puts U+FFFD for bytes that are not UTF-8; a client that means U+FFFD sends %EF%BF%BD.
        if (decoded.indexOf('\uFFFD') >= 0 && !text.toUpperCase(Locale.ROOT).contains("%EF%BF%BD")) {
            throw new InvalidRequestException(where + ": is not valid UTF-8 once percent-decoded");
        }
        return decoded;
    }
}
