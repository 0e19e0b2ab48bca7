package dev.iotjobs.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Run by MoquetteRuntimeClasspathTest in a JVM of its own, on the module's runtime class path alone: starts the
 * embedded broker, routes one {@code $aws} message through it with the HiveMQ client, and exits 0 (1 if it did not
 * arrive). Uses nothing of the test class path.
 */
public final class BrokerSmokeMain {
    private BrokerSmokeMain() {
    }

    /**
     * Starts, routes, stops.
     *
     * @param args none
     * @throws InterruptedException if interrupted while waiting for the message
     */
    public static void main(String[] args) throws InterruptedException {
        String topic = "$aws/things/smoke/jobs/start-next/accepted";
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().port(0).build().start()) {
            Mqtt3BlockingClient client = Mqtt3Client.builder().identifier("smoke").serverHost(broker.host())
                    .serverPort(broker.port()).buildBlocking();
            client.connect();
            try (Mqtt3BlockingClient.Mqtt3Publishes publishes = client.publishes(MqttGlobalPublishFilter.ALL)) {
                client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
                client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                        .payload("{}".getBytes(StandardCharsets.UTF_8)).send();
                Optional<Mqtt3Publish> received = publishes.receive(10, TimeUnit.SECONDS);
                client.disconnect();
                if (received.isEmpty()) {
                    System.out.println("nothing arrived on " + topic);
                    System.exit(1);
                }
                System.out.println("routed " + received.get().getTopic());
            }
        }
    }
}
