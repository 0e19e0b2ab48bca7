package dev.iotjobs.server.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP response to write as it is.
 *
 * @param status the HTTP status
 * @param headers the headers to send
 * @param body the body's bytes (JSON, or empty)
 */
public record WireResponse(int status, Map<String, String> headers, byte[] body) {
    /** @return the body as text (for tests and logs) */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
