package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker's TLS listener as MQTT clients see it: the broker's certificate, the key store types, client
 * certificates required (mutual TLS, as AWS IoT Core requires of devices), plain TCP beside it or turned off, and
 * the settings that do not fit.
 */
class EmbeddedMqttBrokerTlsTest {
    private static final char[] PASSWORD = TestTls.PASSWORD.toCharArray();
    private static final String TOPIC = "$aws/things/sensor-1/jobs/start-next/accepted";

    private static EmbeddedMqttBroker.Builder tlsBroker() {
        return EmbeddedMqttBroker.builder().port(0).tls(0, TestTls.file("broker.p12"), PASSWORD);
    }

    @Test
    void aClientTrustingTheCaRoutesJobsTopicsOverTls_W4() throws Exception {
        try (EmbeddedMqttBroker broker = tlsBroker().build().start()) {
            assertThat(broker.tlsPort()).isPositive().isNotEqualTo(broker.port());
            assertThat(broker.tlsUri()).isEqualTo("ssl://127.0.0.1:" + broker.tlsPort());
            assertThat(broker.uri()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            assertThat(broker.requiresClientCertificates()).isFalse();
            assertThat(broker).hasToString("EmbeddedMqttBroker[tcp://127.0.0.1:" + broker.port()
                    + " and ssl://127.0.0.1:" + broker.tlsPort() + ", running]");
            // Over TLS, with the broker's name as its certificate gives it; and plain TCP beside it, one broker.
            Mqtt3BlockingClient secure = TestTls.client("sensor-1", "localhost", broker.tlsPort(), null);
            secure.connect();
            try (Mqtt3TestClient plain = Mqtt3TestClient.connect("bridge", broker)) {
                assertRoutes(secure, plain);
            } finally {
                secure.disconnect();
            }
        }
    }

    @Test
    void aJksKeyStoreServesAsWellAsPkcs12() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().port(0)
                .tls(0, TestTls.file("broker.jks"), PASSWORD).build().start()) {
            Mqtt3BlockingClient client = TestTls.client("c", "127.0.0.1", broker.tlsPort(), null);
            client.connect();
            assertThat(client.getState().isConnected()).isTrue();
            client.disconnect();
        }
    }

    @Test
    void aClientThatDoesNotTrustTheBrokersCaCannotConnect() {
        try (EmbeddedMqttBroker broker = tlsBroker().build().start()) {
            Mqtt3BlockingClient client = Mqtt3Client.builder().identifier("c")
                    .serverHost("localhost").serverPort(broker.tlsPort()).sslConfig()
                    .trustManagerFactory(TestTls.trust("other-ca.pem")).applySslConfig().buildBlocking();
            assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
            assertThat(client.getState().isConnected()).isFalse();
        }
    }

    @Test
    void withClientCertificatesRequiredOnlyClientsTheCaSignedConnect() throws Exception {
        try (EmbeddedMqttBroker broker = tlsBroker().requireClientCertificates(TestTls.file("ca.pem")).build()
                .start()) {
            assertThat(broker.requiresClientCertificates()).isTrue();
            Mqtt3BlockingClient signed = TestTls.client("iot-jobs-bridge", "localhost", broker.tlsPort(),
                    "bridge.p12");
            signed.connect();
            assertThat(signed.getState().isConnected()).isTrue();
            signed.disconnect();

            Mqtt3BlockingClient none = TestTls.client("anonymous", "localhost", broker.tlsPort(), null);
            assertThatThrownBy(none::connect).isInstanceOf(RuntimeException.class);
            Mqtt3BlockingClient stranger = TestTls.client("stranger", "localhost", broker.tlsPort(), "stranger.p12");
            assertThatThrownBy(stranger::connect).isInstanceOf(RuntimeException.class);
            assertThat(none.getState().isConnected()).isFalse();
            assertThat(stranger.getState().isConnected()).isFalse();

            // The plain port asks for no certificate: a host that requires them everywhere turns it off.
            try (Mqtt3TestClient plain = Mqtt3TestClient.connect("plain", broker)) {
                assertThat(plain.isConnected()).isTrue();
            }
        }
    }

    @Test
    void plainTcpCanBeTurnedOffLeavingTlsOnly() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().plainTcp(false)
                .tls(0, TestTls.file("broker.p12"), PASSWORD).build().start()) {
            assertThat(broker.port()).isEqualTo(EmbeddedMqttBroker.NO_PORT);
            assertThat(broker.uri()).isNull();
            assertThat(broker).hasToString("EmbeddedMqttBroker[ssl://127.0.0.1:" + broker.tlsPort() + ", running]");
            Mqtt3BlockingClient device = TestTls.client("sensor-1", "localhost", broker.tlsPort(), null);
            Mqtt3BlockingClient bridge = TestTls.client("bridge", "127.0.0.1", broker.tlsPort(), "bridge.p12");
            device.connect();
            bridge.connect();
            try {
                assertRoutesBetween(device, bridge);
            } finally {
                device.disconnect();
                bridge.disconnect();
            }
        }
    }

    @Test
    void withoutTlsThereIsNoTlsPort() {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().port(0).build().start()) {
            assertThat(broker.tlsPort()).isEqualTo(EmbeddedMqttBroker.NO_PORT);
            assertThat(broker.tlsUri()).isNull();
            assertThat(broker.requiresClientCertificates()).isFalse();
        }
    }

    @Test
    void credentialsApplyOverTlsAndTheDeviceSdksUserNameSuffixIsIgnored_W7() {
        try (EmbeddedMqttBroker broker = tlsBroker().credentials("fleet", "s3cret").build().start()) {
            // What AwsIotMqttConnectionBuilder sends for withUsername("fleet").
            assertConnects(broker, "fleet?SDK=JavaV2&Version=1.30.1", "s3cret");
            assertConnects(broker, "fleet", "s3cret");
            assertRefused(broker, "fleet?SDK=JavaV2&Version=1.30.1", "wrong");
            assertRefused(broker, "?SDK=JavaV2&Version=1.30.1", "s3cret");
            assertRefused(broker, "fleet2", "s3cret");
        }
        assertThat(MoquetteServer.withoutSdkMetrics("a?b&SDK=PythonV2&Version=1")).isEqualTo("a?b");
        assertThat(MoquetteServer.withoutSdkMetrics("fleet?SDK=CPPv2&Version=1.0&Platform=Linux"))
                .isEqualTo("fleet");
        assertThat(MoquetteServer.withoutSdkMetrics("fleet")).isEqualTo("fleet");
    }

    @Test
    void aTlsPortInUseIsAClearErrorAndLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().port(0)
                    .tls(taken.getLocalPort(), TestTls.file("broker.p12"), PASSWORD).build();
            assertThatThrownBy(broker::start).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(broker.isRunning()).isFalse();
        }
    }

    @Test
    void unreadableTlsFilesAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.p12");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().tls(8883, missing, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("keyStore " + missing + " cannot be read: ");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().tls(8883, TestTls.file("broker.p12"),
                "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("keyStore " + TestTls.file("broker.p12") + " cannot be read: ");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().tls(8883, TestTls.file("ca.pem"), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ca.pem cannot be read");

        Path certificatesOnly = dir.resolve("trust.p12");
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        try (var in = Files.newInputStream(TestTls.file("ca.pem"))) {
            trustStore.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (var out = Files.newOutputStream(certificatesOnly)) {
            trustStore.store(out, PASSWORD);
        }
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().tls(8883, certificatesOnly, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyStore " + certificatesOnly + " holds no private key");

        Path notPem = Files.writeString(dir.resolve("ca.txt"), "no certificate here");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().requireClientCertificates(notPem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("caPem " + notPem);
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().requireClientCertificates(dir.resolve("none.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("caPem " + dir.resolve("none.pem") + " cannot be read: NoSuchFileException");
    }

    @Test
    void settingsThatDoNotFitAreRefusedNamingThem() {
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().plainTcp(false).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("plainTcp(false) needs tls(...)");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().requireClientCertificates(TestTls.trust("ca.pem"))
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("requireClientCertificates(...) needs tls(...)");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().port(8883).tls(8883, TestTls.brokerKeys()).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("port and tlsPort must differ (both are 8883)");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().tls(65536, TestTls.brokerKeys()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tlsPort");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().tls(8883, (KeyManagerFactory) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys");
        assertThatThrownBy(() -> EmbeddedMqttBroker.builder().tls(8883, TestTls.file("broker.p12"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
        // Plain TCP off frees its port number for TLS.
        EmbeddedMqttBroker tlsOnly = EmbeddedMqttBroker.builder().plainTcp(false).tls(1883, TestTls.brokerKeys())
                .build();
        assertThat(tlsOnly.tlsPort()).isEqualTo(1883);
        assertThat(tlsOnly.port()).isEqualTo(EmbeddedMqttBroker.NO_PORT);
    }

    private static void assertRoutes(Mqtt3BlockingClient secureDevice, Mqtt3TestClient plainBridge) throws Exception {
        try (Mqtt3BlockingClient.Mqtt3Publishes received = secureDevice.publishes(MqttGlobalPublishFilter.ALL)) {
            secureDevice.subscribeWith().topicFilter(TOPIC).qos(MqttQos.AT_LEAST_ONCE).send();
            plainBridge.publish(TOPIC, "{\"clientToken\":\"t-1\"}");
            Optional<Mqtt3Publish> answer = received.receive(Mqtt3TestClient.RECEIVE_SECONDS, TimeUnit.SECONDS);
            assertThat(answer).map(p -> new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8))
                    .hasValue("{\"clientToken\":\"t-1\"}");
        }
    }

    private static void assertRoutesBetween(Mqtt3BlockingClient device, Mqtt3BlockingClient bridge)
            throws Exception {
        try (Mqtt3BlockingClient.Mqtt3Publishes received = device.publishes(MqttGlobalPublishFilter.ALL)) {
            device.subscribeWith().topicFilter(TOPIC).qos(MqttQos.AT_LEAST_ONCE).send();
            bridge.publishWith().topic(TOPIC).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{}".getBytes(StandardCharsets.UTF_8)).send();
            assertThat(received.receive(Mqtt3TestClient.RECEIVE_SECONDS, TimeUnit.SECONDS)).isPresent();
        }
    }

    private static void assertConnects(EmbeddedMqttBroker broker, String username, String password) {
        Mqtt3BlockingClient client = TestTls.client("c", "localhost", broker.tlsPort(), null);
        client.connectWith().simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        assertThat(client.getState().isConnected()).as(username).isTrue();
        client.disconnect();
    }

    private static void assertRefused(EmbeddedMqttBroker broker, String username, String password) {
        Mqtt3BlockingClient client = TestTls.client("c", "localhost", broker.tlsPort(), null);
        assertThatThrownBy(() -> client.connectWith().simpleAuth().username(username)
                .password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send())
                .as(username).isInstanceOf(Mqtt3ConnAckException.class);
    }
}
