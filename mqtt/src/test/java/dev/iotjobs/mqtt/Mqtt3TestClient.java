package dev.iotjobs.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A plain MQTT 3.1.1 client for broker tests (the HiveMQ client, blocking): connect, subscribe, publish, and
 * receive what arrives on its subscriptions.
 */
final class Mqtt3TestClient implements AutoCloseable {
    /** How long a test waits for a message that should arrive (a bound, not a measured time). */
    static final long RECEIVE_SECONDS = 10;

    private final Mqtt3BlockingClient client;
    private final Mqtt3BlockingClient.Mqtt3Publishes publishes;

    private Mqtt3TestClient(Mqtt3BlockingClient client) {
        this.client = client;
        this.publishes = client.publishes(MqttGlobalPublishFilter.ALL);
    }

    static Mqtt3BlockingClient unconnected(String clientId, String host, int port) {
        return Mqtt3Client.builder().identifier(clientId).serverHost(host).serverPort(port).buildBlocking();
    }

    static Mqtt3TestClient connect(String clientId, EmbeddedMqttBroker broker) {
        return connect(clientId, broker.host(), broker.port());
    }

    static Mqtt3TestClient connect(String clientId, String host, int port) {
        Mqtt3BlockingClient client = unconnected(clientId, host, port);
        client.connect();
        return new Mqtt3TestClient(client);
    }

    static Mqtt3TestClient connect(String clientId, EmbeddedMqttBroker broker, String username, String password) {
        Mqtt3BlockingClient client = unconnected(clientId, broker.host(), broker.port());
        client.connectWith().simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        return new Mqtt3TestClient(client);
    }

    Mqtt3TestClient subscribe(String topicFilter) {
        client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE).send();
        return this;
    }

    void publish(String topic, String payload) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes at QoS 1, so that it returns once the broker has taken the message. */
    void publish(String topic, byte[] payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    }

    Optional<Mqtt3Publish> receive() {
        try {
            return publishes.receive(RECEIVE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message if one arrives within the wait (to collect what a subscription got). */
    Optional<Mqtt3Publish> receiveWithin(Duration wait) {
        try {
            return publishes.receive(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean isConnected() {
        return client.getState().isConnected();
    }

    @Override
    public void close() {
        publishes.close();
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }
}
