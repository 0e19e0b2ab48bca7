package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** The MQTT options (issue 11, item 3): defaults, variables, and what does not fit together. */
class ServerMqttOptionsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void withoutArgumentsDevicesGetAnEmbeddedBrokerOnLoopback1883() {
        ServerOptions options = ServerOptions.parse(NO_ENV);
        assertThat(options.mqttEmbedded()).isTrue();
        assertThat(options.mqttOff()).isFalse();
        assertThat(options.mqttPort()).isEqualTo(1883);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.mqttUsername()).isNull();
        assertThat(options.mqttSharedGroup()).isNull();
        assertThat(options.mqttEvents()).isFalse();
    }

    @Test
    void theMqttOptionsComeFromTheirVariables() {
        ServerOptions options = ServerOptions.parse(Map.of("IOTJOBS_MQTT", "ssl://broker.example.com:8883",
                "IOTJOBS_MQTT_USERNAME", "bridge", "IOTJOBS_MQTT_PASSWORD", "s3cret", "IOTJOBS_MQTT_CLIENT_ID",
                "jobs-a", "IOTJOBS_MQTT_SHARED_GROUP", "jobs", "IOTJOBS_MQTT_CA", "/etc/ca.pem",
                "IOTJOBS_MQTT_CLIENT_KEYSTORE", "/etc/bridge.p12", "IOTJOBS_MQTT_CLIENT_KEYSTORE_PASSWORD", "pw",
                "IOTJOBS_MQTT_EVENTS", "true"));
        assertThat(options.mqttBroker()).isEqualTo("ssl://broker.example.com:8883");
        assertThat(options.mqttEmbedded()).isFalse();
        assertThat(options.mqttUsername()).isEqualTo("bridge");
        assertThat(options.mqttPassword()).isEqualTo("s3cret");
        assertThat(options.mqttClientId()).isEqualTo("jobs-a");
        assertThat(options.mqttSharedGroup()).isEqualTo("jobs");
        assertThat(options.mqttCa()).isEqualTo(Path.of("/etc/ca.pem"));
        assertThat(options.mqttClientKeystore()).isEqualTo(Path.of("/etc/bridge.p12"));
        assertThat(options.mqttClientKeystorePassword()).isEqualTo("pw");
        assertThat(options.mqttEvents()).isTrue();
    }

    @Test
    void mqttEventsIsAFlag() {
        assertThat(ServerOptions.parse(NO_ENV, "--mqtt-events").mqttEvents()).isTrue();
        assertThat(ServerOptions.parse(NO_ENV, "--mqtt-port", "0").mqttPort()).isZero();
        assertThat(ServerOptions.parse(NO_ENV, "--mqtt", "none").mqttOff()).isTrue();
    }

    @Test
    void optionsThatDoNotFitAreUsageErrorsNamingThem() {
        assertUsage("--mqtt must be embedded, none, tcp://HOST:PORT or ssl://HOST:PORT, not 'http://x:1'",
                "--mqtt", "http://x:1");
        assertUsage("--mqtt must be embedded, none, tcp://HOST:PORT or ssl://HOST:PORT, not 'tcp://x:1/path'",
                "--mqtt", "tcp://x:1/path");
        assertUsage("--mqtt-port is the embedded broker's port; with --mqtt tcp://x:1883 leave it out and give the "
                + "port in the broker's address", "--mqtt", "tcp://x:1883", "--mqtt-port", "1884");
        assertUsage("--mqtt-port must be from 0 to 65535, not 70000", "--mqtt-port", "70000");
        assertUsage("--mqtt-port must differ from --port and --data-port (9000)", "--port", "9000",
                "--mqtt-port", "9000");
        assertUsage("the embedded MQTT broker listens on 1883: move it with --mqtt-port", "--port", "1883");
        assertUsage("--mqtt-ca (IOTJOBS_MQTT_CA) is for an ssl:// broker, not --mqtt tcp://x:1", "--mqtt",
                "tcp://x:1", "--mqtt-ca", "/etc/ca.pem");
        assertUsage("--mqtt-client-keystore (IOTJOBS_MQTT_CLIENT_KEYSTORE) is for an ssl:// broker, not --mqtt "
                + "embedded", "--mqtt-client-keystore", "/etc/k.p12");
        assertUsage("--mqtt-client-keystore-password needs --mqtt-client-keystore", "--mqtt", "ssl://x:8883",
                "--mqtt-client-keystore-password", "pw");
        assertUsage("--mqtt-password (IOTJOBS_MQTT_PASSWORD) needs --mqtt-username", "--mqtt-password", "pw");
        assertUsage("--mqtt-events (IOTJOBS_MQTT_EVENTS) needs MQTT on, not --mqtt none", "--mqtt", "none",
                "--mqtt-events");
        assertUsage("--mqtt-shared-group must be a name without /, +, #, $ or spaces, not 'a/b'",
                "--mqtt-shared-group", "a/b");
    }

    @Test
    void theEmbeddedBrokersTlsOptionsComeFromTheirVariablesAndAreOffByDefault() {
        ServerOptions none = ServerOptions.parse(NO_ENV);
        assertThat(none.mqttTlsPort()).isNull();
        assertThat(none.mqttTlsKeystore()).isNull();
        assertThat(none.mqttTlsClientCa()).isNull();
        ServerOptions options = ServerOptions.parse(Map.of("IOTJOBS_MQTT_TLS_PORT", "8883",
                "IOTJOBS_MQTT_TLS_KEYSTORE", "/etc/broker.p12", "IOTJOBS_MQTT_TLS_KEYSTORE_PASSWORD", "pw",
                "IOTJOBS_MQTT_TLS_CLIENT_CA", "/etc/devices-ca.pem"));
        assertThat(options.mqttTlsPort()).isEqualTo(8883);
        assertThat(options.mqttTlsKeystore()).isEqualTo(Path.of("/etc/broker.p12"));
        assertThat(options.mqttTlsKeystorePassword()).isEqualTo("pw");
        assertThat(options.mqttTlsClientCa()).isEqualTo(Path.of("/etc/devices-ca.pem"));
        assertThat(options.mqttPort()).as("plain TCP stays, for the bridge").isEqualTo(1883);
        assertThat(ServerOptions.parse(NO_ENV, "--mqtt-tls-port", "0", "--mqtt-tls-keystore", "/k.p12").mqttTlsPort())
                .isZero();
    }

    @Test
    void tlsOptionsThatDoNotFitAreUsageErrorsNamingThem() {
        assertUsage("--mqtt-tls-port needs --mqtt-tls-keystore FILE (or IOTJOBS_MQTT_TLS_KEYSTORE), the broker's key "
                + "and certificate chain", "--mqtt-tls-port", "8883");
        assertUsage("--mqtt-tls-keystore (IOTJOBS_MQTT_TLS_KEYSTORE) needs --mqtt-tls-port, the embedded broker's TLS "
                + "port", "--mqtt-tls-keystore", "/k.p12");
        assertUsage("--mqtt-tls-client-ca (IOTJOBS_MQTT_TLS_CLIENT_CA) needs --mqtt-tls-port, the embedded broker's "
                + "TLS port", "--mqtt-tls-client-ca", "/ca.pem");
        assertUsage("--mqtt-tls-keystore-password needs --mqtt-tls-keystore", "--mqtt-tls-keystore-password", "pw");
        assertUsage("--mqtt-tls-port (IOTJOBS_MQTT_TLS_PORT) is the embedded broker's TLS port; with --mqtt "
                + "ssl://x:8883 leave it out", "--mqtt", "ssl://x:8883", "--mqtt-tls-port", "8883",
                "--mqtt-tls-keystore", "/k.p12");
        assertUsage("--mqtt-tls-port (IOTJOBS_MQTT_TLS_PORT) is the embedded broker's TLS port; with --mqtt none "
                + "leave it out", "--mqtt", "none", "--mqtt-tls-port", "8883", "--mqtt-tls-keystore", "/k.p12");
        assertUsage("--mqtt-tls-port must be from 0 to 65535, not 70000", "--mqtt-tls-port", "70000",
                "--mqtt-tls-keystore", "/k.p12");
        assertUsage("--mqtt-tls-port must differ from --port, --data-port and --mqtt-port (1883)",
                "--mqtt-tls-port", "1883", "--mqtt-tls-keystore", "/k.p12");
        assertUsage("--mqtt-tls-port must differ from --port, --data-port and --mqtt-port (9000)", "--data-port",
                "9000", "--mqtt-tls-port", "9000", "--mqtt-tls-keystore", "/k.p12");
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, args)).isInstanceOf(ParameterException.class)
                .hasMessage(message);
    }
}
