package dev.iotjobs.mqtt;

import java.util.Optional;

/**
 * A device request's topic, parsed: the thing (the identity the broker's access rules checked, SPEC W7), the
 * operation and, for DESCRIBE and UPDATE, the job. Routing goes by the number of topic levels first, so job ids
 * named {@code get}, {@code start-next}, {@code notify} or {@code notify-next} are jobs like any other.
 *
 * @param thingName the topic's thing level, as sent (the engine validates it)
 * @param operation the operation
 * @param jobId the job level of DESCRIBE and UPDATE, else null
 */
record RequestTopic(String thingName, DeviceOperation operation, String jobId) {
    private static final String PREFIX = "$aws/things/";

    /**
     * @param topic a topic a device published to
     * @return the request it names; empty when it names no operation (then {@link #isUnderJobs} tells whether
     *     it deserves an {@code InvalidTopic} rejection)
     */
    static Optional<RequestTopic> parse(String topic) {
        if (!isUnderJobs(topic)) {
            return Optional.empty();
        }
        String[] levels = topic.split("/", -1);
        String thing = levels[2];
        if (levels.length == 5) {
            return switch (levels[4]) {
                case "get" -> Optional.of(new RequestTopic(thing, DeviceOperation.GET_PENDING, null));
                case "start-next" -> Optional.of(new RequestTopic(thing, DeviceOperation.START_NEXT, null));
                default -> Optional.empty();
            };
        }
        if (levels.length == 6) {
            return switch (levels[5]) {
                case "get" -> Optional.of(new RequestTopic(thing, DeviceOperation.DESCRIBE, levels[4]));
                case "update" -> Optional.of(new RequestTopic(thing, DeviceOperation.UPDATE, levels[4]));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /**
     * @param topic a topic
     * @return whether it lies under {@code $aws/things/{thing}/jobs/}, where a topic that names no operation is
     *     answered {@code InvalidTopic}
     */
    static boolean isUnderJobs(String topic) {
        if (!topic.startsWith(PREFIX)) {
            return false;
        }
        int thingEnd = topic.indexOf('/', PREFIX.length());
        return thingEnd >= 0 && topic.startsWith("/jobs/", thingEnd);
    }

    /**
     * @param topic a topic under {@code .../jobs/}
     * @return whether it is one the service publishes on: an answer ({@code .../{operation}/accepted},
     *     {@code .../rejected}) or a notification ({@code .../jobs/notify}, {@code .../jobs/notify-next}); a request
     *     topic such as {@code .../jobs/accepted} (no operation: InvalidTopic) is not one
     */
    static boolean isServiceOutput(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length == 5) {
            return levels[4].equals("notify") || levels[4].equals("notify-next");
        }
        String last = levels[levels.length - 1];
        return levels.length > 5 && (last.equals("accepted") || last.equals("rejected"));
    }
}
