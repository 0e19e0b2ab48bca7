package dev.iotjobs.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.event.ThingEvent;

/**
 * The device notifications AWS IoT Jobs publishes, from the engine's thing events (SPEC E4, W4): {@code notify}
 * when the thing's pending set changed, {@code notify-next} when the head of its queue changed. Neither carries a
 * clientToken; {@code timestamp} is when the change happened.
 */
final class DeviceNotifications {
    private DeviceNotifications() {
    }

    /** @return the notification for the event */
    static OutgoingMessage of(ThingEvent event) {
        if (event instanceof PendingJobExecutionsChanged pending) {
            return notify(pending);
        }
        return notifyNext((NextJobExecutionChanged) event);
    }

    /**
     * {@code {"jobs": {"IN_PROGRESS": [...], "QUEUED": [...]}, "timestamp": ...}}: empty statuses left out,
     * {@code {"jobs": {}}} when nothing is pending.
     */
    private static OutgoingMessage notify(PendingJobExecutionsChanged event) {
        ObjectNode payload = MqttJson.object();
        ObjectNode jobs = payload.putObject("jobs");
        if (!event.inProgressJobs().isEmpty()) {
            jobs.set("IN_PROGRESS", MqttShapes.summaries(event.inProgressJobs()));
        }
        if (!event.queuedJobs().isEmpty()) {
            jobs.set("QUEUED", MqttShapes.summaries(event.queuedJobs()));
        }
        MqttJson.put(payload, "timestamp", event.occurredAt());
        return new OutgoingMessage(JobsTopics.notify(event.thingName()), MqttJson.bytes(payload));
    }

    /** {@code {"execution": {...}, "timestamp": ...}}, without {@code execution} when the queue became empty. */
    private static OutgoingMessage notifyNext(NextJobExecutionChanged event) {
        ObjectNode payload = MqttJson.object();
        if (event.execution() != null) {
            payload.set("execution", MqttShapes.execution(event.execution()));
        }
        MqttJson.put(payload, "timestamp", event.occurredAt());
        return new OutgoingMessage(JobsTopics.notifyNext(event.thingName()), MqttJson.bytes(payload));
    }
}
