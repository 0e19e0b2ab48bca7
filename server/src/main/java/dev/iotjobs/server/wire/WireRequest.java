package dev.iotjobs.server.wire;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as it came off the wire, before any AWS meaning: what every HTTP library can hand over.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path as sent, still percent-encoded ({@code /things/t%3A1/jobs/%24next})
 * @param rawQuery the query as sent, still percent-encoded, or null without one
 * @param headers the headers, names in any case
 * @param body the body's bytes, empty without one
 */
public record WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body) {
    /** Copies the headers into a case-insensitive map and a null body into an empty one. */
    public WireRequest {
        TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseless.putAll(headers);
        }
        headers = caseless;
        body = body == null ? new byte[0] : body;
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        rawPath = rawPath == null ? "/" : rawPath;
    }

    /** @param name a header's name, in any case @return its first value, or null */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
