package dev.iotjobs.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.error.InvalidRequestException;
import java.util.Map;

/** One request's members where the AWS model puts them: path labels, query, JSON body. */
final class WireCall {
    private final Map<String, String> labels;
    private final Map<String, String> query;
    private final WireRequest request;

    WireCall(Map<String, String> labels, WireRequest request) {
        this.labels = labels;
        this.request = request;
        // Read whole at once, so that a member given twice is refused whichever members the operation takes.
        this.query = WireInput.query(request.rawQuery());
    }

    /** @return a path label's decoded value */
    String label(String name) {
        return labels.get(name);
    }

    /** @return a path label that is a long */
    Long labelLong(String name) {
        return WireInput.queryLong(labels, name);
    }

    /** @return a query member, or null */
    String query(String name) {
        return query.get(name);
    }

    /** @return a boolean query member, or null */
    Boolean queryBoolean(String name) {
        return WireInput.queryBoolean(query, name);
    }

    /** @return a long query member, or null */
    Long queryLong(String name) {
        return WireInput.queryLong(query, name);
    }

    /** @return an integer query member, or null */
    Integer queryInteger(String name) {
        Long value = queryLong(name);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new InvalidRequestException(name + ": must be a whole number from " + Integer.MIN_VALUE
                    + " to " + Integer.MAX_VALUE + ", got " + value);
        }
        return value == null ? null : value.intValue();
    }

    /** @return the body as a JSON object (empty without a body) */
    ObjectNode body() {
        return WireInput.body(request.body());
    }

    /** @return the body's members as a control-plane request record; set path and query members after it */
    <T> T body(Class<T> type) {
        return ControlPlaneJson.read(body(), type);
    }
}
