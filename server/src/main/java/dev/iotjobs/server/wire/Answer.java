package dev.iotjobs.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A successful operation's body: a JSON object, or nothing for the control plane's operations without output
 * (AWS answers those 200 with an empty body).
 *
 * @param body the JSON body, or null for none
 */
record Answer(ObjectNode body) {
    /** @return an answer with this JSON body */
    static Answer of(ObjectNode body) {
        return new Answer(body);
    }

    /** @return an answer without a body */
    static Answer empty() {
        return new Answer(null);
    }
}
