package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import dev.iotjobs.mqtt.EmbeddedMqttBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.RejectedErrorCode;
import software.amazon.awssdk.iot.iotjobs.model.StartNextJobExecutionResponse;

/**
 * Devices over the standalone server's MQTT endpoint (issue 11, item 3): the embedded broker by default, its TLS port
 * with device certificates (the AWS device SDK's own connection builder), an external broker with
 * {@code --mqtt tcp://...}, and the startup failures, each one line with exit code 1.
 */
class ServerMqttTest {
    private static final String DOCUMENT = "{\\\"operation\\\":\\\"reboot\\\"}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeviceRunsItsJobOverTheEmbeddedBrokerW4() throws Exception {
        ServerMain.Started started = start("--store", "memory", "--port", "0", "--mqtt-port", "0");
        try (StandaloneServer server = started.server()) {
            assertThat(server.readyLine()).endsWith(", MQTT on mqtt://127.0.0.1:" + server.mqttPort()
                    + " (embedded broker)");
            int port = httpPort(server);
            try (MqttDevice device = new MqttDevice(server.mqttPort(), "t1")) {
                runJobFlow(port, device);
            }
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aClientWithoutAClientIdIsLetInAsMosquittoClientsConnect() {
        ServerMain.Started started = start("--store", "memory", "--port", "0", "--mqtt-port", "0");
        try (StandaloneServer server = started.server()) {
            Mqtt3BlockingClient anonymous = MqttClient.builder().useMqttVersion3().serverHost("127.0.0.1")
                    .serverPort(server.mqttPort()).buildBlocking();
            assertThat(anonymous.connect().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
            anonymous.disconnect();
        }
    }

    @Test
    void withMqttTcpTheServerBridgesToTheBrokerGiven() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().port(0).build().start()) {
            ServerMain.Started started = start("--store", "memory", "--port", "0", "--mqtt",
                    "tcp://127.0.0.1:" + broker.port(), "--mqtt-client-id", "jobs-bridge");
            try (StandaloneServer server = started.server()) {
                assertThat(server.readyLine()).endsWith(", MQTT on tcp://127.0.0.1:" + broker.port() + " (bridged)");
                assertThat(server.mqttPort()).isEqualTo(-1);
                try (MqttDevice device = new MqttDevice(broker.port(), "t1")) {
                    runJobFlow(httpPort(server), device);
                }
            }
        }
    }

    @Test
    void withAUserNameTheEmbeddedBrokerLetsInOnlyThatAccount() throws Exception {
        ServerMain.Started started = start(Map.of("IOTJOBS_MQTT_PASSWORD", "s3cret"), "--store", "memory",
                "--port", "0", "--mqtt-port", "0", "--mqtt-username", "fleet");
        try (StandaloneServer server = started.server()) {
            Throwable refused = catchThrowable(() -> new MqttDevice(server.mqttPort(), "t1", "fleet", "wrong"));
            assertThat(refused).isInstanceOfAny(Mqtt3ConnAckException.class, ConnectionFailedException.class);
            try (MqttDevice device = new MqttDevice(server.mqttPort(), "t1", "fleet", "s3cret")) {
                runJobFlow(httpPort(server), device);
            }
        }
    }

    @Test
    void anUnreachableBrokerIsOneLineAndExitCode1() {
        ServerMain.Started started = start("--store", "memory", "--port", "0", "--mqtt", "tcp://127.0.0.1:1");
        assertThat(started.server()).isNull();
        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("iot-jobs-server: cannot connect to the MQTT "
                + "broker tcp://127.0.0.1:1: ").endsWith("; check --mqtt (IOTJOBS_MQTT), --mqtt-username and "
                + "IOTJOBS_MQTT_PASSWORD" + System.lineSeparator()).hasLineCount(1);
    }

    @Test
    void anMqttPortInUseIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerMain.Started started = start("--store", "memory", "--port", "0", "--mqtt-port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(started.server()).isNull();
            assertThat(started.exitCode()).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("iot-jobs-server: cannot start the embedded "
                    + "MQTT broker on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .endsWith("; stop what listens there, choose another --mqtt-port (IOTJOBS_MQTT_PORT) or turn "
                            + "MQTT off with --mqtt none" + System.lineSeparator()).hasLineCount(1);
        }
    }

    @Test
    void aDeviceSdkRunsItsJobOverTheEmbeddedBrokersTlsPortWithItsCertificate_W4() throws Exception {
        ServerMain.Started started = start(Map.of("IOTJOBS_MQTT_TLS_KEYSTORE_PASSWORD", "iotjobs-test"),
                "--store", "memory", "--port", "0", "--mqtt-port", "0", "--mqtt-tls-port", "0",
                "--mqtt-tls-keystore", SdkTlsDevice.tlsFile("broker.p12").toString(),
                "--mqtt-tls-client-ca", SdkTlsDevice.tlsFile("ca.pem").toString());
        try (StandaloneServer server = started.server()) {
            assertThat(server.readyLine()).endsWith(", MQTT on mqtt://127.0.0.1:" + server.mqttPort()
                    + " and mqtts://127.0.0.1:" + server.mqttTlsPort() + " (embedded broker)");
            int port = httpPort(server);
            assertThat(post(port, "/things/sensor-1", "{}").statusCode()).isEqualTo(200);
            assertThat(put(port, "/jobs/reboot-1", "{\"targets\":[\"arn:aws:iot:us-east-1:123456789012:thing/"
                    + "sensor-1\"],\"document\":\"" + DOCUMENT + "\"}").statusCode()).isEqualTo(200);

            // The SDK's AWS connection builder, changed only in its endpoint and TLS settings.
            try (SdkTlsDevice device = SdkTlsDevice.connect(server.mqttTlsPort(), "sensor-1")) {
                StartNextJobExecutionResponse next = device.startNext();
                assertThat(next.execution.jobId).isEqualTo("reboot-1");
                assertThat(next.execution.jobDocument).containsEntry("operation", "reboot");
                int version = next.execution.versionNumber;
                SdkTlsDevice.UpdateAnswer stale = device.update("reboot-1", JobStatus.IN_PROGRESS, version - 1);
                assertThat(stale.rejected().code).isEqualTo(RejectedErrorCode.VERSION_MISMATCH);
                assertThat(stale.rejected().executionState.versionNumber).isEqualTo(version);
                assertThat(device.update("reboot-1", JobStatus.SUCCEEDED, version).accepted()).isNotNull();
            }
            assertThat(get(port, "/jobs/reboot-1").body()).contains("\"numberOfSucceededThings\":1");
            // --mqtt-tls-client-ca: a certificate another CA signed does not get in.
            assertThatThrownBy(() -> SdkTlsDevice.connect(server.mqttTlsPort(), "stranger"))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnreadableTlsKeyStoreIsOneLineAndExitCode1() {
        String keyStore = SdkTlsDevice.tlsFile("broker.p12").toString();
        ServerMain.Started started = start(Map.of("IOTJOBS_MQTT_TLS_KEYSTORE_PASSWORD", "wrong"), "--store",
                "memory", "--port", "0", "--mqtt-port", "0", "--mqtt-tls-port", "0", "--mqtt-tls-keystore", keyStore);
        assertThat(started.server()).isNull();
        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("iot-jobs-server: cannot read --mqtt-tls-keystore "
                + keyStore + ": ").endsWith("; check IOTJOBS_MQTT_TLS_KEYSTORE_PASSWORD" + System.lineSeparator())
                .hasLineCount(1);
    }

    @Test
    void anUnreadableClientCaIsOneLineAndExitCode1() {
        String missing = SdkTlsDevice.tlsFile("ca.pem").resolveSibling("no-such-ca.pem").toString();
        ServerMain.Started started = start(Map.of("IOTJOBS_MQTT_TLS_KEYSTORE_PASSWORD", "iotjobs-test"), "--store",
                "memory", "--port", "0", "--mqtt-port", "0", "--mqtt-tls-port", "0", "--mqtt-tls-keystore",
                SdkTlsDevice.tlsFile("broker.p12").toString(), "--mqtt-tls-client-ca", missing);
        assertThat(started.server()).isNull();
        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("iot-jobs-server: cannot read --mqtt-tls-client-ca "
                + missing + ": NoSuchFileException " + missing + System.lineSeparator());
    }

    @Test
    void anMqttTlsPortInUseIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerMain.Started started = start(Map.of("IOTJOBS_MQTT_TLS_KEYSTORE_PASSWORD", "iotjobs-test"),
                    "--store", "memory", "--port", "0", "--mqtt-port", "0", "--mqtt-tls-port",
                    String.valueOf(taken.getLocalPort()), "--mqtt-tls-keystore",
                    SdkTlsDevice.tlsFile("broker.p12").toString());
            assertThat(started.server()).isNull();
            assertThat(started.exitCode()).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("iot-jobs-server: cannot start the embedded "
                    + "MQTT broker on 127.0.0.1:0 and :" + taken.getLocalPort() + " (TLS): ")
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .endsWith("; stop what listens there, choose another --mqtt-port (IOTJOBS_MQTT_PORT) or "
                            + "--mqtt-tls-port (IOTJOBS_MQTT_TLS_PORT) or turn MQTT off with --mqtt none"
                            + System.lineSeparator()).hasLineCount(1);
        }
    }

    /** A job for thing t1 created over HTTP, then the device's part over MQTT, as the AWS jobs samples do it. */
    private void runJobFlow(int port, MqttDevice device) throws Exception {
        assertThat(post(port, "/things/t1", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> created = put(port, "/jobs/reboot-1", "{\"targets\":[\"arn:aws:iot:us-east-1:"
                + "123456789012:thing/t1\"],\"document\":\"" + DOCUMENT + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        // E4: the new head of the queue wakes the device.
        MqttDevice.Message next = device.next("notify-next");
        assertThat(next.payload().at("/execution/jobId").textValue()).isEqualTo("reboot-1");
        assertThat(next.payload().at("/execution/jobDocument/operation").textValue()).isEqualTo("reboot");

        MqttDevice.Message startNext = device.request("start-next", "{\"clientToken\":\"c-1\"}");
        assertThat(startNext.topic()).isEqualTo("$aws/things/t1/jobs/start-next/accepted");
        assertThat(startNext.payload().get("clientToken").textValue()).isEqualTo("c-1");
        assertThat(startNext.payload().at("/execution/status").textValue()).isEqualTo("IN_PROGRESS");
        assertThat(startNext.payload().get("timestamp").isIntegralNumber()).isTrue();
        long version = startNext.payload().at("/execution/versionNumber").longValue();

        MqttDevice.Message done = device.request("reboot-1/update", "{\"status\":\"SUCCEEDED\",\"expectedVersion\":"
                + version + ",\"clientToken\":\"c-2\"}");
        assertThat(done.topic()).isEqualTo("$aws/things/t1/jobs/reboot-1/update/accepted");
        MqttDevice.Message stale = device.request("reboot-1/update", "{\"status\":\"SUCCEEDED\",\"expectedVersion\":"
                + version + ",\"clientToken\":\"c-3\"}");
        assertThat(stale.topic()).isEqualTo("$aws/things/t1/jobs/reboot-1/update/rejected");
        // The execution already ended: the engine's InvalidStateTransition, with the state AWS sends beside it.
        assertThat(stale.payload().get("code").textValue()).isEqualTo("InvalidStateTransition");
        assertThat(stale.payload().at("/executionState/status").textValue()).isEqualTo("SUCCEEDED");
        assertThat(get(port, "/jobs/reboot-1").body()).contains("\"numberOfSucceededThings\":1");
    }

    private static int httpPort(StandaloneServer server) {
        return Integer.parseInt(server.readyLine().replaceAll("^iot-jobs-server listening on http://[^:]+:(\\d+) .*",
                "$1"));
    }

    private ServerMain.Started start(String... args) {
        return start(Map.of(), args);
    }

    private ServerMain.Started start(Map<String, String> env, String... args) {
        return ServerMain.start(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(port, path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> put(int port, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(port, path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
