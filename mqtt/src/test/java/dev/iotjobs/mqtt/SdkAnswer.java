package dev.iotjobs.mqtt;

import software.amazon.awssdk.iot.iotjobs.model.RejectedError;
import software.amazon.awssdk.iot.iotjobs.model.RejectedErrorCode;

/**
 * What a device request got back, as the AWS device SDK parsed it: the {@code /accepted} response or the
 * {@code /rejected} error (code, message, executionState).
 *
 * @param <T> the SDK's response type for the operation
 */
final class SdkAnswer<T> {
    private final String topic;
    private final T accepted;
    private final RejectedError rejected;

    private SdkAnswer(String topic, T accepted, RejectedError rejected) {
        this.topic = topic;
        this.accepted = accepted;
        this.rejected = rejected;
    }

    static <T> SdkAnswer<T> accepted(String requestTopic, T response) {
        return new SdkAnswer<>(requestTopic, response, null);
    }

    static <T> SdkAnswer<T> rejected(String requestTopic, RejectedError error) {
        return new SdkAnswer<>(requestTopic, null, error);
    }

    /** The topic the request was published to. */
    String requestTopic() {
        return topic;
    }

    boolean isAccepted() {
        return rejected == null;
    }

    /** The accepted response; fails the test, naming the rejection, when it was rejected. */
    T accepted() {
        if (rejected != null) {
            throw new AssertionError("expected " + topic + "/accepted but was rejected: " + describe(rejected));
        }
        return accepted;
    }

    /** The rejection; fails the test when it was accepted. */
    RejectedError rejected() {
        if (rejected == null) {
            throw new AssertionError("expected " + topic + "/rejected but was accepted");
        }
        return rejected;
    }

    /** The rejection's code (the SDK's enum; {@code UNKNOWN_ENUM_VALUE} for a code the SDK does not know). */
    RejectedErrorCode code() {
        return rejected().code;
    }

    @Override
    public String toString() {
        return rejected == null ? topic + "/accepted" : topic + "/rejected " + describe(rejected);
    }

    private static String describe(RejectedError error) {
        return error.code + " (" + error.message + ")";
    }
}
