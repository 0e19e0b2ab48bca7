package dev.iotjobs.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Messages a device SDK subscription received, in arrival order (notify, notify-next, or rejections without a
 * request of this client), as the SDK parsed them.
 *
 * @param <T> the SDK's event type
 */
final class SdkEvents<T> {
    private final String topic;
    private final BlockingQueue<T> received = new LinkedBlockingQueue<>();

    SdkEvents(String topic) {
        this.topic = topic;
    }

    void add(T event) {
        received.add(event);
    }

    /** The topic (or filter) subscribed to. */
    String topic() {
        return topic;
    }

    /** The next event; fails the test if none arrives within {@link DeviceSdkClient#WAIT}. */
    T next() {
        return poll(DeviceSdkClient.WAIT)
                .orElseThrow(() -> new AssertionError("nothing arrived on " + topic + " within " + DeviceSdkClient.WAIT));
    }

    /** The next event if one arrives within the wait. */
    Optional<T> poll(Duration wait) {
        try {
            return Optional.ofNullable(received.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Takes every event that has arrived so far, without waiting. */
    List<T> drain() {
        List<T> events = new ArrayList<>();
        received.drainTo(events);
        return events;
    }
}
