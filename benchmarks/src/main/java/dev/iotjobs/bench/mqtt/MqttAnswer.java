package dev.iotjobs.bench.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What a simulated device reads of an answer on {@code .../accepted} or {@code .../rejected}: the clientToken that
 * correlates it with its request, the started execution's jobId and versionNumber (a start-next's answer), and the
 * rejected code. Streamed with Jackson's parser: the devices' own CPU is part of the load generator's.
 *
 * @param clientToken the echoed token, or null
 * @param jobId {@code execution.jobId}, or null when the answer has no execution
 * @param versionNumber {@code execution.versionNumber}, or -1
 * @param code the rejected answer's {@code code}, or null
 */
record MqttAnswer(String clientToken, String jobId, long versionNumber, String code) {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * @param payload an answer's payload
     * @return what it says
     * @throws IOException if it is not a JSON object
     */
    static MqttAnswer parse(byte[] payload) throws IOException {
        String token = null;
        String jobId = null;
        long version = -1;
        String code = null;
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (member) {
                    case "clientToken" -> token = parser.getText();
                    case "code" -> code = parser.getText();
                    case "execution" -> {
                        if (value != JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            break;
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String field = parser.currentName();
                            parser.nextToken();
                            switch (field) {
                                case "jobId" -> jobId = parser.getText();
                                case "versionNumber" -> version = parser.getLongValue();
                                default -> parser.skipChildren();
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        return new MqttAnswer(token, jobId, version, code);
    }
}
