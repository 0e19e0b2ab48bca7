package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A device as the AWS jobs samples write it, over the HiveMQ client (MQTT 3.1.1: Moquette 0.17 speaks no 5):
 * subscribed to its answers and notifications (or to any filters), publishing requests and waiting for
 * the answer that carries its clientToken.
 */
final class TestDevice implements AutoCloseable {
    private static final long WAIT_MILLIS = 15_000;

    /** A message the device received; {@code json} is null when it was not JSON. */
    record Received(String topic, byte[] raw, JsonNode json) {
        static Received of(String topic, byte[] raw) {
            try {
                return new Received(topic, raw, MqttJson.MAPPER.readTree(raw));
            } catch (IOException e) {
                return new Received(topic, raw, null);
            }
        }
    }

    /** How many connections a device tries before it gives up (see {@link #connectAndSubscribe}). */
    private static final int CONNECT_ATTEMPTS = 5;

    private final TestBroker broker;
    private final String thing;
    private final List<Received> inbox = new ArrayList<>();
    private Mqtt3BlockingClient client;

    /**
     * A device subscribed, as the device SDKs are, to its answers and notifications only (not to its own requests:
     * Moquette 0.17 then loses the acknowledgement of a large publish).
     */
    TestDevice(TestBroker broker, String thing) {
        this(broker, thing, answerFilters(thing));
    }

    TestDevice(TestBroker broker, String thing, String... filters) {
        this.broker = broker;
        this.thing = thing;
        client = connectAndSubscribe(filters);
    }

    /**
     * Moquette 0.17 marks a connection connected only once its CONNACK is written, and closes it if the client's
     * SUBSCRIBE arrives before that ("SUBSCRIBE received on already closed connection"; the client reports the
     * session expired): the device connects and subscribes again, as a device would. Each attempt is a new client:
     * a HiveMQ client whose clean session ended has dropped its publish callback ("No publish flow registered"), so
     * the same client connected again would receive nothing.
     */
    private Mqtt3BlockingClient connectAndSubscribe(String... filters) {
        for (int attempt = 1; ; attempt++) {
            Mqtt3BlockingClient candidate = MqttClient.builder().useMqttVersion3()
                    .identifier("device-" + UUID.randomUUID()).serverHost("127.0.0.1").serverPort(broker.port())
                    .buildBlocking();
            candidate.toAsync().publishes(MqttGlobalPublishFilter.ALL, publish -> {
                Received message = Received.of(publish.getTopic().toString(), publish.getPayloadAsBytes());
                synchronized (inbox) {
                    inbox.add(message);
                    inbox.notifyAll();
                }
            });
            try {
                candidate.connect();
                for (String filter : filters) {
                    candidate.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
                }
                return candidate;
            } catch (com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException
                     | com.hivemq.client.mqtt.exceptions.ConnectionClosedException e) {
                if (attempt >= CONNECT_ATTEMPTS) {
                    throw e;
                }
                try {
                    candidate.disconnect();
                } catch (RuntimeException alreadyClosed) {
                    // nothing to close
                }
            }
        }
    }

    private static String[] answerFilters(String thing) {
        String jobs = "$aws/things/" + thing + "/jobs/";
        return new String[] {jobs + "notify", jobs + "notify-next", jobs + "+/accepted", jobs + "+/rejected",
                jobs + "+/+/accepted", jobs + "+/+/rejected"};
    }

    /** Publishes raw bytes to {@code $aws/things/{thing}/jobs/{suffix}}. */
    void publish(String suffix, byte[] payload) {
        publishTo("$aws/things/" + thing + "/jobs/" + suffix, payload);
    }

    void publishTo(String topic, byte[] payload) {
        try {
            client.toAsync().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                    .get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the broker did not acknowledge a publish to " + topic, e);
        }
    }

    /**
     * Publishes a request with a fresh clientToken merged into {@code json}, and waits for its answer.
     *
     * @return the answer: its topic tells accepted from rejected
     */
    Received request(String suffix, String json) {
        String token = UUID.randomUUID().toString();
        String body = json.equals("{}") ? "{\"clientToken\":\"" + token + "\"}"
                : "{\"clientToken\":\"" + token + "\"," + json.substring(1);
        String topic = "$aws/things/" + thing + "/jobs/" + suffix;
        publish(suffix, body.getBytes(StandardCharsets.UTF_8));
        Received answer = await(m -> (m.topic().equals(topic + "/accepted") || m.topic().equals(topic + "/rejected"))
                && token.equals(m.json().path("clientToken").textValue()));
        // W4: the token comes back exactly, and the answer's time is whole epoch seconds.
        assertThat(answer.json().get("timestamp").isIntegralNumber()).isTrue();
        return answer;
    }

    /** @return the request's {@code /accepted} answer, failing if it was rejected */
    JsonNode accepted(String suffix, String json) {
        Received answer = request(suffix, json);
        assertThat(answer.topic()).as(answer.json().toString()).endsWith("/accepted");
        return answer.json();
    }

    /** @return the request's {@code /rejected} answer, failing if it was accepted */
    JsonNode rejected(String suffix, String json) {
        Received answer = request(suffix, json);
        assertThat(answer.topic()).as(answer.json().toString()).endsWith("/rejected");
        return answer.json();
    }

    /** @return the next message on {@code topic} (taken from the inbox) */
    JsonNode next(String topic) {
        return await(m -> m.topic().equals(topic)).json();
    }

    /** @return the next {@code notify} of this device's thing */
    JsonNode nextNotify() {
        return next("$aws/things/" + thing + "/jobs/notify");
    }

    /** @return the next {@code notify-next} of this device's thing */
    JsonNode nextNotifyNext() {
        return next("$aws/things/" + thing + "/jobs/notify-next");
    }

    /** @return a copy of what is in the inbox now (received and not taken), in arrival order */
    List<Received> inbox() {
        synchronized (inbox) {
            return List.copyOf(inbox);
        }
    }

    /** Waits for the first message that matches, takes it out of the inbox and returns it. */
    Received await(Predicate<Received> match) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        synchronized (inbox) {
            while (true) {
                for (Iterator<Received> it = inbox.iterator(); it.hasNext(); ) {
                    Received message = it.next();
                    if (message.json() != null && match.test(message)) {
                        it.remove();
                        return message;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no matching message within " + WAIT_MILLIS + " ms; received: "
                            + inbox.stream().map(m -> m.topic() + " " + (m.json() == null ? m.raw().length + " bytes" : m.json()))
                            .toList());
                }
                try {
                    inbox.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    @Override
    public void close() {
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }
}
