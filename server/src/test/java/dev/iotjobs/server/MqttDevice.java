package dev.iotjobs.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A device on the server's MQTT endpoint, as the AWS jobs samples write one: subscribed to its own
 * {@code $aws/things/{thing}/jobs/#}, publishing a request and waiting for the message on its answer topics.
 */
final class MqttDevice implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message the device received. */
    record Message(String topic, JsonNode payload) {
    }

    private final Mqtt3BlockingClient client;
    private final String thing;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();

    /**
     * @param port the broker's port on 127.0.0.1
     * @param thing the device's thing name
     * @param username the broker account, or null for anonymous
     * @param password its password
     */
    MqttDevice(int port, String thing, String username, String password) {
        this.thing = thing;
        client = MqttClient.builder().useMqttVersion3().identifier(thing + "-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL, publish -> {
            try {
                inbox.add(new Message(publish.getTopic().toString(), JSON.readTree(publish.getPayloadAsBytes())));
            } catch (IOException e) {
                throw new IllegalStateException("not JSON on " + publish.getTopic(), e);
            }
        });
        Mqtt3ConnectBuilder.Send<?> connect = client.connectWith();
        if (username != null) {
            connect.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        connect.send();
        client.subscribeWith().topicFilter("$aws/things/" + thing + "/jobs/#").qos(MqttQos.AT_LEAST_ONCE).send();
    }

    MqttDevice(int port, String thing) {
        this(port, thing, null, null);
    }

    /**
     * Publishes {@code payload} to {@code $aws/things/{thing}/jobs/{operation}} and waits for its answer.
     *
     * @return the answer ({@code /accepted} or {@code /rejected}, by its topic)
     */
    Message request(String operation, String payload) throws InterruptedException {
        String topic = "$aws/things/" + thing + "/jobs/" + operation;
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
        return next(m -> m.topic().startsWith(topic + "/"));
    }

    /** @return the next message on {@code $aws/things/{thing}/jobs/{name}}, e.g. {@code notify-next} */
    Message next(String name) throws InterruptedException {
        String topic = "$aws/things/" + thing + "/jobs/" + name;
        return next(m -> m.topic().equals(topic));
    }

    private Message next(java.util.function.Predicate<Message> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            Message message = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no such message on the device within 15 s");
            }
            if (matching.test(message)) {
                return message;
            }
        }
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
