package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Starting, failing to start, reconnecting after a broker outage, and the builder's checks. */
class MqttJobsBridgeLifecycleTest {

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("still not " + what + " after 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void startFailsClearlyWhenTheBrokerIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Fleet fleet = new Fleet();
        MqttJobsBridge bridge = MqttJobsBridge.builder().engine(fleet.engine)
                .brokerUri(URI.create("tcp://127.0.0.1:" + port)).connectTimeout(Duration.ofSeconds(3)).build();
        assertThatThrownBy(bridge::start).isInstanceOf(MqttBridgeException.class)
                .hasMessageContaining("tcp://127.0.0.1:" + port)
                .hasMessageContaining("is the broker running");
        assertThat(bridge.isConnected()).isFalse();
        assertThatThrownBy(bridge::start).isInstanceOf(IllegalStateException.class);
        bridge.close();
    }

    @Test
    void autoFallsBackToMqtt311WhenTheBrokerRefusesMqtt5AndV5AloneFailsSayingSo() {
        try (TestBroker broker = new TestBroker()) {
            Fleet fleet = new Fleet();
            MqttJobsBridge v5 = MqttJobsBridge.builder().engine(fleet.engine).brokerUri(broker.uri())
                    .protocol(MqttProtocol.V5).build();
            assertThatThrownBy(v5::start).isInstanceOf(MqttBridgeException.class)
                    .hasMessageContaining("MQTT 5").hasMessageContaining("V3_1_1");
            try (MqttJobsBridge auto = MqttJobsBridge.builder().engine(fleet.engine).brokerUri(broker.uri())
                    .build().start()) {
                assertThat(auto.isConnected()).isTrue();
            }
            try (MqttJobsBridge v3 = MqttJobsBridge.builder().engine(fleet.engine).brokerUri(broker.uri())
                    .protocol(MqttProtocol.V3_1_1).build().start()) {
                assertThat(v3.isConnected()).isTrue();
            }
        }
    }

    @Test
    void w5_e4_afterABrokerRestartTheBridgeReconnectsAnswersAgainAndSendsTheNotificationsDue() throws Exception {
        try (TestBroker broker = new TestBroker()) {
            Fleet fleet = new Fleet().thing("t1");
            // A first reconnect attempt 3 s after the loss: the device below is back on the restarted broker by then.
            try (MqttJobsBridge bridge = MqttJobsBridge.builder().engine(fleet.engine).brokerUri(broker.uri())
                    .reconnectBackoff(Duration.ofSeconds(3), Duration.ofSeconds(3)).build().start()) {
                broker.stop();
                awaitTrue(() -> !bridge.isConnected(), "disconnected");
                fleet.job("j1", "{\"op\":\"reboot\"}", "t1"); // committed while the broker is away
                broker.start();
                try (TestDevice device = new TestDevice(broker, "t1")) {
                    JsonNode notified = device.nextNotifyNext();
                    assertThat(notified.get("execution").get("jobId").textValue()).isEqualTo("j1");
                    awaitTrue(bridge::isConnected, "reconnected");
                    assertThat(device.accepted("start-next", "{}").get("execution").get("status").textValue())
                            .isEqualTo("IN_PROGRESS");
                }
            }
        }
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        Fleet fleet = new Fleet();
        URI tcp = URI.create("tcp://127.0.0.1:1883");
        assertThatThrownBy(() -> MqttJobsBridge.builder().brokerUri(tcp).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("engine is required");
        assertThatThrownBy(() -> MqttJobsBridge.builder().engine(fleet.engine).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("brokerUri is required");
        assertThatThrownBy(() -> MqttJobsBridge.builder().engine(fleet.engine).brokerUri(tcp).tls(null, null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ssl://");
        assertThatThrownBy(() -> MqttJobsBridge.builder().engine(fleet.engine).brokerUri(tcp)
                .sharedSubscriptionGroup("a/b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sharedSubscriptionGroup");
        assertThatThrownBy(() -> MqttJobsBridge.builder().engine(fleet.engine).brokerUri(tcp).requestWorkers(0)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestWorkers");
        assertThatThrownBy(() -> MqttJobsBridge.builder().engine(fleet.engine).brokerUri(tcp)
                .reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconnectBackoff");
        assertThatThrownBy(() -> MqttJobsBridge.builder().engine(fleet.engine).brokerUri(tcp)
                .credentials(null, new byte[] {1}).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
        assertThat(MqttJobsBridge.builder().engine(fleet.engine).brokerUri(URI.create("ssl://broker.local"))
                .tls(null, null).credentials("bridge", "pw".getBytes()).sharedSubscriptionGroup("jobs").build())
                .isNotNull();
    }
}
