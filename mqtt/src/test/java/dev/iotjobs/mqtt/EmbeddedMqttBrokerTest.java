package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The embedded broker as MQTT clients see it: $aws topics routed over 3.1.1, ports, credentials, limits. */
class EmbeddedMqttBrokerTest {
    private static final String START_NEXT_ACCEPTED = "$aws/things/sensor-1/jobs/start-next/accepted";

    private static EmbeddedMqttBroker anyPort() {
        return anyPortBuilder().build();
    }

    private static EmbeddedMqttBroker.Builder anyPortBuilder() {
        return EmbeddedMqttBroker.builder().port(0);
    }

    @Test
    void routesTheJobsTopicsOfAwsOverMqtt311_W4() {
        try (EmbeddedMqttBroker broker = anyPort().start();
             Mqtt3TestClient device = Mqtt3TestClient.connect("sensor-1", broker);
             Mqtt3TestClient bridge = Mqtt3TestClient.connect("bridge", broker)) {
            // As the device SDKs subscribe (wildcard answers) and as a bridge subscribes (every thing's requests).
            device.subscribe("$aws/things/sensor-1/jobs/start-next/+");
            bridge.subscribe("$aws/things/+/jobs/#");

            device.publish("$aws/things/sensor-1/jobs/start-next", "{\"clientToken\":\"t-1\"}");
            Mqtt3Publish request = bridge.receive().orElseThrow();
            assertThat(request.getTopic().toString()).isEqualTo("$aws/things/sensor-1/jobs/start-next");
            assertThat(new String(request.getPayloadAsBytes(), StandardCharsets.UTF_8)).contains("t-1");

            bridge.publish(START_NEXT_ACCEPTED, "{\"clientToken\":\"t-1\",\"timestamp\":1}");
            Mqtt3Publish answer = device.receive().orElseThrow();
            assertThat(answer.getTopic().toString()).isEqualTo(START_NEXT_ACCEPTED);
        }
    }

    @Test
    void portZeroPicksAFreePortAndTellsIt() {
        try (EmbeddedMqttBroker first = anyPort().start(); EmbeddedMqttBroker second = anyPort().start()) {
            assertThat(first.port()).isPositive().isNotEqualTo(second.port());
            assertThat(first.uri()).isEqualTo("tcp://127.0.0.1:" + first.port());
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void defaultsAreThisMachineOnPort1883() {
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().build();
        assertThat(broker.host()).isEqualTo("127.0.0.1");
        assertThat(broker.port()).isEqualTo(1883);
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void closeFreesThePortForTheNextBroker() {
        int port;
        try (EmbeddedMqttBroker broker = anyPort().start()) {
            port = broker.port();
        }
        try (EmbeddedMqttBroker again = EmbeddedMqttBroker.builder().port(port).build().start();
             Mqtt3TestClient client = Mqtt3TestClient.connect("c", again)) {
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void aPortInUseIsAClearErrorAndLeavesNothingRunning() {
        try (EmbeddedMqttBroker taken = anyPort().start()) {
            EmbeddedMqttBroker second = EmbeddedMqttBroker.builder().port(taken.port()).build();
            assertThatThrownBy(second::start)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.port());
            assertThat(second.isRunning()).isFalse();
            second.close();
            try (Mqtt3TestClient client = Mqtt3TestClient.connect("c", taken)) {
                assertThat(client.isConnected()).isTrue();
            }
        }
    }

    @Test
    void startsOnceAndNotAfterClose() {
        EmbeddedMqttBroker broker = anyPort().start();
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        broker.close();
        broker.close();
        assertThat(broker.isRunning()).isFalse();
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void refusesMqtt5Connections() {
        try (EmbeddedMqttBroker broker = anyPort().start()) {
            var client = Mqtt5Client.builder().identifier("v5").serverHost(broker.host()).serverPort(broker.port())
                    .buildBlocking();
            assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
            assertThat(client.getState().isConnected()).isFalse();
        }
    }

    @Test
    void withCredentialsOnlyThatAccountConnects_W7() {
        try (EmbeddedMqttBroker broker = anyPortBuilder().credentials("bridge", "s3cret").build().start()) {
            try (Mqtt3TestClient client = Mqtt3TestClient.connect("bridge", broker, "bridge", "s3cret")) {
                assertThat(client.isConnected()).isTrue();
            }
            assertRefused(() -> Mqtt3TestClient.connect("a", broker, "bridge", "wrong"));
            assertRefused(() -> Mqtt3TestClient.connect("b", broker, "other", "s3cret"));
            Mqtt3BlockingClient anonymous = Mqtt3TestClient.unconnected("c", broker.host(), broker.port());
            assertRefused(anonymous::connect);
        }
    }

    private static void assertRefused(Runnable connect) {
        assertThatThrownBy(connect::run)
                .isInstanceOfSatisfying(Mqtt3ConnAckException.class, e -> assertThat(e.getMqttMessage().getReturnCode())
                        .isIn(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD, Mqtt3ConnAckReturnCode.NOT_AUTHORIZED));
    }

    @Test
    void carriesMessagesUpToAwsIotCoresLimit() {
        byte[] document = new byte[120 * 1024];
        Arrays.fill(document, (byte) 'x');
        try (EmbeddedMqttBroker broker = anyPort().start();
             Mqtt3TestClient device = Mqtt3TestClient.connect("sensor-1", broker).subscribe(START_NEXT_ACCEPTED);
             Mqtt3TestClient bridge = Mqtt3TestClient.connect("bridge", broker)) {
            bridge.publish(START_NEXT_ACCEPTED, document);
            assertThat(device.receive().orElseThrow().getPayloadAsBytes()).hasSize(document.length);
        }
    }

    @Test
    void aMessageOverTheLimitClosesTheSendersConnection() {
        try (EmbeddedMqttBroker broker = anyPortBuilder().maxMessageBytes(2048).build().start();
             Mqtt3TestClient sender = Mqtt3TestClient.connect("big", broker)) {
            assertThatThrownBy(() -> sender.publish("$aws/things/t/jobs/get", new byte[4096]))
                    .isInstanceOf(RuntimeException.class);
            try (Mqtt3TestClient other = Mqtt3TestClient.connect("other", broker)) {
                assertThat(other.isConnected()).as("the broker itself goes on").isTrue();
            }
        }
    }

    @Test
    void keepsEverythingInMemory() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        try (EmbeddedMqttBroker broker = anyPort().start();
             Mqtt3TestClient client = Mqtt3TestClient.connect("c", broker).subscribe(START_NEXT_ACCEPTED)) {
            client.publish(START_NEXT_ACCEPTED, "{}");
            assertThat(client.receive()).isPresent();
        }
        // Moquette's defaults would have written an H2 store, queue segments and a telemetry id under ./data/.
        assertThat(workingDirectory.resolve("data")).doesNotExist();
        assertThat(Files.exists(workingDirectory.resolve("moquette_store.h2"))).isFalse();
    }

    @Test
    void saysNothingOnStartAndStopWithItsLoggerAtWarn() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (EmbeddedMqttBroker broker = anyPort().start();
             Mqtt3TestClient client = Mqtt3TestClient.connect("c", broker).subscribe(START_NEXT_ACCEPTED)) {
            client.publish(START_NEXT_ACCEPTED, "{}");
            assertThat(client.receive()).isPresent();
        } finally {
            System.setErr(stderr);
        }
        // slf4j-simple writes to System.err at INFO here, but for io.moquette (WARN, as the server sets it).
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("io.moquette").doesNotContain("io.netty");
    }

    @Test
    void builderNamesTheBadSetting() {
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().port(65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port").hasMessageContaining("65535");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().host(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().credentials("", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().credentials("u", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().maxMessageBytes(10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMessageBytes");
    }
}
