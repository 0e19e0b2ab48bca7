package dev.iotjobs.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A device for load, multi-node and outage tests (the HiveMQ client, MQTT 5 or 3.1.1): it never takes a message out,
 * so a test can count what arrived. Answers are kept per clientToken (each request gets a fresh one), notifications
 * in arrival order. With {@code reconnect}, it reconnects after a broker outage (100 ms apart) and subscribes again
 * on every new connection; {@link #subscribedConnections()} counts the connections whose subscriptions the broker
 * granted.
 */
final class CountingDevice implements AutoCloseable {
    /** A message the device received. */
    record Message(String topic, JsonNode json) {
    }

    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(10);

    private final String thing;
    private final String prefix;
    private final boolean mqtt5;
    private final Mqtt5AsyncClient client5;
    private final Mqtt3AsyncClient client3;
    private final Map<String, List<Message>> answers = new ConcurrentHashMap<>();
    private final List<Message> notifications = new ArrayList<>();
    private final List<Message> unexpected = new ArrayList<>();
    private final AtomicInteger subscribed = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Connects and subscribes to the thing's answers and notifications; returns once the broker granted them.
     *
     * @param mqtt5 MQTT 5, else 3.1.1
     * @param reconnect reconnect after a lost connection, until {@link #close()}
     */
    CountingDevice(String host, int port, String thing, boolean mqtt5, boolean reconnect) {
        this.thing = thing;
        this.prefix = "$aws/things/" + thing + "/jobs/";
        this.mqtt5 = mqtt5;
        MqttClientBuilder builder = MqttClient.builder().identifier("device-" + thing + "-" + UUID.randomUUID())
                .serverHost(host).serverPort(port)
                .addConnectedListener(context -> subscribeAll());
        if (reconnect) {
            builder = builder.addDisconnectedListener(this::reconnect);
        }
        if (mqtt5) {
            client5 = builder.useMqttVersion5().buildAsync();
            client3 = null;
            client5.publishes(MqttGlobalPublishFilter.ALL,
                    publish -> received(publish.getTopic().toString(), publish.getPayloadAsBytes()));
            join(client5.connectWith().cleanStart(true).send(), "connect");
        } else {
            client3 = builder.useMqttVersion3().buildAsync();
            client5 = null;
            client3.publishes(MqttGlobalPublishFilter.ALL,
                    publish -> received(publish.getTopic().toString(), publish.getPayloadAsBytes()));
            join(client3.connectWith().cleanSession(true).send(), "connect");
        }
        await(() -> subscribed.get() > 0, SUBSCRIBE_WAIT, "subscribed");
    }

    String thing() {
        return thing;
    }

    /**
     * Publishes a request (QoS 1) with a fresh clientToken merged into {@code json}, without waiting.
     *
     * @return the clientToken
     */
    String send(String suffix, String json) {
        String token = UUID.randomUUID().toString();
        String body = json.equals("{}") ? "{\"clientToken\":\"" + token + "\"}"
                : "{\"clientToken\":\"" + token + "\"," + json.substring(1);
        answers.put(token, new ArrayList<>());
        sent.incrementAndGet();
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        // A publish that fails (the connection went away) is a request that gets no answer: the caller's wait says so.
        if (mqtt5) {
            client5.publishWith().topic(prefix + suffix).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
        } else {
            client3.publishWith().topic(prefix + suffix).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
        }
        return token;
    }

    /** @return the first answer to the request with this token, if one arrives within {@code wait} */
    Optional<Message> answer(String token, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (true) {
                List<Message> got = answers.get(token);
                if (got != null && !got.isEmpty()) {
                    return Optional.of(got.get(0));
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return Optional.empty();
                }
                waitQuietly(left);
            }
        }
    }

    /** @return the answer to the request with this token; fails the test if none arrives within {@code wait} */
    Message awaitAnswer(String token, Duration wait) {
        return answer(token, wait).orElseThrow(() -> new AssertionError(thing + ": no answer to clientToken "
                + token + " within " + wait));
    }

    /** @return how many answers each request got, by clientToken (every request sent is in it) */
    synchronized Map<String, Integer> answerCounts() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        answers.forEach((token, got) -> counts.put(token, got.size()));
        return counts;
    }

    /** @return how many requests were sent */
    int sent() {
        return sent.get();
    }

    /** @return the notify payloads received so far, in arrival order */
    synchronized List<JsonNode> notifies() {
        return notifications.stream().filter(m -> m.topic().equals(prefix + "notify")).map(Message::json).toList();
    }

    /** @return the notify-next payloads received so far, in arrival order */
    synchronized List<JsonNode> notifyNexts() {
        return notifications.stream().filter(m -> m.topic().equals(prefix + "notify-next")).map(Message::json)
                .toList();
    }

    /** @return answers whose clientToken no request of this device sent, and messages that were not JSON */
    synchronized List<Message> unexpected() {
        return List.copyOf(unexpected);
    }

    /** @return how many connections (the first and each reconnection) got their subscriptions granted */
    int subscribedConnections() {
        return subscribed.get();
    }

    boolean isConnected() {
        return mqtt5 ? client5.getState().isConnected() : client3.getState().isConnected();
    }

    /** Waits until {@code condition} holds, checking every 20 ms; fails the test naming {@code what} after {@code wait}. */
    static void await(BooleanSupplier condition, Duration wait, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not " + what + " after " + wait);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (mqtt5) {
                client5.disconnect().get(5, TimeUnit.SECONDS);
            } else {
                client3.disconnect().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // Already disconnected.
        }
    }

    private void subscribeAll() {
        String[] filters = {prefix + "notify", prefix + "notify-next", prefix + "+/accepted", prefix + "+/rejected",
                prefix + "+/+/accepted", prefix + "+/+/rejected"};
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (String filter : filters) {
            acks.add(mqtt5 ? client5.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send()
                    : client3.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send());
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .thenRun(subscribed::incrementAndGet);
    }

    private void reconnect(MqttClientDisconnectedContext context) {
        if (!closed) {
            // The client subscribes again by itself (and keeps its publish callback only then); the connected
            // listener subscribes once more, to count when the broker granted them.
            context.getReconnector().reconnect(true).resubscribeIfSessionExpired(true)
                    .delay(100, TimeUnit.MILLISECONDS);
        }
    }

    private void received(String topic, byte[] payload) {
        JsonNode json;
        try {
            json = MqttJson.MAPPER.readTree(payload);
        } catch (IOException e) {
            json = null;
        }
        Message message = new Message(topic, json);
        synchronized (this) {
            if (json == null) {
                unexpected.add(message);
            } else if (topic.equals(prefix + "notify") || topic.equals(prefix + "notify-next")) {
                notifications.add(message);
            } else {
                JsonNode token = json.get("clientToken");
                List<Message> got = token == null ? null : answers.get(token.asText());
                if (got == null) {
                    unexpected.add(message);
                } else {
                    got.add(message);
                }
            }
            notifyAll();
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void join(CompletableFuture<?> future, String what) {
        try {
            future.get(SUBSCRIBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the device could not " + what + ": " + e, e);
        }
    }
}
