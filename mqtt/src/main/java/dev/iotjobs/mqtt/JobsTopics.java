package dev.iotjobs.mqtt;

import java.util.List;

/** The topics of AWS IoT Jobs over MQTT that the bridge subscribes to and publishes on (SPEC W4, W6, E4, E5). */
final class JobsTopics {
    /**
     * The device request filters. One level under {@code jobs/} is one filter, so that a topic there that names no
     * operation reaches the bridge and is answered {@code InvalidTopic} as AWS answers it (SPEC W4): it brings
     * GetPendingJobExecutions ({@code get}), StartNextPendingJobExecution ({@code start-next}), any other name, and
     * the service's own {@code notify} and {@code notify-next}, which the bridge ignores (over MQTT 5 without a
     * shared group it subscribes with No Local, so its own publishes do not come back at all). Two levels down are
     * the two operations only (DescribeJobExecution, UpdateJobExecution): a catch-all there would also bring back
     * every answer the bridge publishes ({@code .../get/accepted}).
     */
    static final List<String> REQUEST_FILTERS = List.of(
            "$aws/things/+/jobs/+",
            "$aws/things/+/jobs/+/get",
            "$aws/things/+/jobs/+/update");

    private JobsTopics() {
    }

    /**
     * @param sharedGroup a shared subscription group, or null for plain subscriptions
     * @return the filters to subscribe to: through {@code $share/{group}/} when a group is given, so that the
     *     broker hands each request to one member of the group (SPEC W6)
     */
    static List<String> requestFilters(String sharedGroup) {
        if (sharedGroup == null) {
            return REQUEST_FILTERS;
        }
        return REQUEST_FILTERS.stream().map(filter -> "$share/" + sharedGroup + "/" + filter).toList();
    }

    /**
     * @param group a shared subscription group name
     * @return the problem with it, or null when it is usable: MQTT 5 forbids {@code /}, {@code +} and {@code #}
     *     in it, and it must not be empty
     */
    static String sharedGroupProblem(String group) {
        if (group.isEmpty()) {
            return "must not be empty";
        }
        for (char c : new char[] {'/', '+', '#'}) {
            if (group.indexOf(c) >= 0) {
                return "must not contain '" + c + "' (MQTT shared subscription names exclude / + #)";
            }
        }
        return null;
    }

    /** @return where the answer to a request on {@code requestTopic} goes when it succeeded */
    static String accepted(String requestTopic) {
        return requestTopic + "/accepted";
    }

    /** @return where the answer to a request on {@code requestTopic} goes when it failed */
    static String rejected(String requestTopic) {
        return requestTopic + "/rejected";
    }

    /** @return the thing's {@code notify} topic: its pending set changed */
    static String notify(String thingName) {
        return "$aws/things/" + thingName + "/jobs/notify";
    }

    /** @return the thing's {@code notify-next} topic: the head of its queue changed */
    static String notifyNext(String thingName) {
        return "$aws/things/" + thingName + "/jobs/notify-next";
    }

    /** @return the topic of a job event, such as {@code $aws/events/job/j1/completed} (SPEC E5) */
    static String jobEvent(String jobId, String operation) {
        return "$aws/events/job/" + jobId + "/" + operation;
    }

    /** @return the topic of a job execution event, such as {@code $aws/events/jobExecution/j1/succeeded} */
    static String jobExecutionEvent(String jobId, String operation) {
        return "$aws/events/jobExecution/" + jobId + "/" + operation;
    }
}
