package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server in this JVM: what it prints, its stores, its exit codes (ServerJarIT runs the jar). */
class ServerMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void theReadyLineShowsTheBoundPortsAndTheStore() throws Exception {
        ServerMain.Started started = start("--store", "memory", "--port", "0", "--data-port", "0", "--mqtt-port",
                "0");
        try (StandaloneServer server = started.server()) {
            Matcher ready = Pattern.compile("iot-jobs-server listening on http://127\\.0\\.0\\.1:(\\d+) "
                    + "\\(store: memory\\), data plane also on http://127\\.0\\.0\\.1:(\\d+), "
                    + "MQTT on mqtt://127\\.0\\.0\\.1:(\\d+) \\(embedded broker\\)").matcher(server.readyLine());
            assertThat(ready.matches()).as(server.readyLine()).isTrue();
            assertThat(Integer.parseInt(ready.group(3))).isEqualTo(server.mqttPort()).isPositive();
            int dataPort = Integer.parseInt(ready.group(2));
            HttpResponse<String> health = get(dataPort, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(health.headers().firstValue("x-amzn-RequestId")).isPresent();
            assertThat(health.headers().firstValue("Content-Type")).contains("application/json");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anH2StoreIsAFileWhoseDirectoryIsCreated() throws Exception {
        Path file = dir.resolve("new/dir/jobs");
        ServerMain.Started started = start("--port", "0", "--mqtt", "none", "--h2-file", file + ".mv.db");
        try (StandaloneServer server = started.server()) {
            assertThat(server.readyLine()).endsWith(" (store: h2 file " + file + ")");
            assertThat(Files.exists(dir.resolve("new/dir/jobs.mv.db"))).isTrue();
            int port = Integer.parseInt(server.readyLine().replaceAll(".*:(\\d+) \\(.*", "$1"));
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            assertThat(server.stop()).isTrue();
        }
    }

    @Test
    void theH2PathIsAbsoluteWithoutH2sSuffix() {
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(StandaloneStore.h2Path("./iotjobs-data/jobs")).isEqualTo(cwd.resolve("iotjobs-data/jobs"));
        assertThat(StandaloneStore.h2Path("/var/lib/x/../jobs.mv.db")).isEqualTo(Path.of("/var/lib/jobs"));
    }

    @Test
    void aPortInUseIsOneLineNamingItAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerMain.Started started = start("--store", "memory", "--mqtt", "none", "--port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(started.server()).isNull();
            assertThat(started.exitCode()).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("iot-jobs-server: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use; stop what listens there or choose another "
                    + "--port (IOTJOBS_PORT), or check --host (IOTJOBS_HOST)" + System.lineSeparator());
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsOneLineWithoutThePasswordAndExitCode1() {
        ServerMain.Started started = start(Map.of("IOTJOBS_JDBC_PASSWORD", "hunter2"), "--store", "postgres",
                "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/jobs?password=hunter3&connectTimeout=2");
        assertThat(started.exitCode()).isEqualTo(1);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).startsWith("iot-jobs-server: cannot open the postgres "
                + "jdbc:postgresql://127.0.0.1:1/jobs?connectTimeout=2: ")
                .contains("check that the database is up and --jdbc-url, --jdbc-user and IOTJOBS_JDBC_PASSWORD")
                .doesNotContain("hunter").hasLineCount(1);
    }

    @Test
    void helpGoesToStdoutWithExitCode0() {
        ServerMain.Started started = start("--help");
        assertThat(started.exitCode()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: iot-jobs-server", "--store=KIND",
                "IOTJOBS_JDBC_PASSWORD", "Exit codes");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void badOptionsArePicocliUsageErrorsWithExitCode2() {
        ServerMain.Started started = start("--store", "postgres");
        assertThat(started.exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--store postgres needs --jdbc-url")
                .contains("Usage: iot-jobs-server");
        err.reset();
        assertThat(start("--region", "Mars").exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--region or --account-id: region must be");
    }

    @Test
    void aBadCredentialsFileIsOneLineWithExitCode2() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys"), "AKID\n");
        ServerMain.Started started = start("--store", "memory", "--auth", "sigv4", "--credentials", keys.toString());
        assertThat(started.exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("iot-jobs-server: --credentials " + keys
                + " line 1: expected ACCESS_KEY_ID and SECRET separated by spaces, found 1 field"
                + System.lineSeparator());
    }

    @Test
    void withSignaturesRequiredTheHealthCheckStaysOpen() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys"), "AKID secret\n");
        ServerMain.Started started = start("--store", "memory", "--port", "0", "--mqtt", "none", "--auth", "sigv4",
                "--credentials", keys.toString());
        try (StandaloneServer server = started.server()) {
            int port = Integer.parseInt(server.readyLine().replaceAll(".*:(\\d+) \\(.*", "$1"));
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
        }
    }

    private ServerMain.Started start(String... args) {
        return start(Map.of(), args);
    }

    private ServerMain.Started start(Map<String, String> env, String... args) {
        return ServerMain.start(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
