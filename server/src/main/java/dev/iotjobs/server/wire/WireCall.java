package dev.iotjobs.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        return WireInput.queryInteger(query, name);
    }

    /** @return the body as a JSON object (empty without a body) */
    ObjectNode body() {
        return WireInput.body(request.body());
    }

    /**
     * @param type the control-plane request record
     * @param notInBody the record's members that travel in the path or query: a body member of that name is not the
     *     request's and is ignored, as AWS ignores it (the route sets them from the URL after)
     * @return the body's members as the record
     */
    <T> T body(Class<T> type, String... notInBody) {
        ObjectNode body = body();
        body.remove(java.util.List.of(notInBody));
        return ControlPlaneJson.read(body, type);
    }
}
