package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.jdbc.JdbcJobRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as an operator runs it: {@code java -jar server/target/iot-jobs-server.jar}, as a process, over
 * an H2 file and over PostgreSQL, stopped with SIGTERM. A drained stop exits with 0 (not the JVM's 143).
 */
class ServerJarIT {
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile(
            "iot-jobs-server listening on http://127\\.0\\.0\\.1:(\\d+) \\(store: (.*?)\\)"
                    + "(?:, data plane also on http://127\\.0\\.0\\.1:(\\d+))?"
                    + "(?:, MQTT on mqtt://127\\.0\\.0\\.1:(\\d+) \\(embedded broker\\))?");
    private static final String THING_ARN = "arn:aws:iot:us-east-1:123456789012:thing/t1";
    private static final String DATA_HOST = "data.jobs.iot.us-east-1.amazonaws.com";

    static {
        // The data plane by Host on the shared port (failsafe sets it too: it must be set before HttpClient loads).
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void onAnH2FileItServesStopsOnSigtermWithExitCode0AndARestartKeepsTheData() throws Exception {
        Path file = dir.resolve("iotjobs-data/jobs");   // the default, in the process's working directory
        prepareThingAndJob(h2Pool(file));

        int first;
        try (JarProcess server = JarProcess.start(dir, Map.of(), "--port", "0", "--data-port", "0", "--mqtt-port",
                "0")) {
            Matcher ready = ready(server);
            assertThat(ready.group(2)).isEqualTo("h2 file " + file.toAbsolutePath());
            int port = Integer.parseInt(ready.group(1));
            int dataPort = Integer.parseInt(ready.group(3));
            int mqttPort = Integer.parseInt(ready.group(4));

            for (int listener : new int[] {port, dataPort}) {
                HttpResponse<String> health = send(HttpRequest.newBuilder(uri(listener, "/health")).GET());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
                assertThat(health.headers().firstValue("x-amzn-RequestId")).isPresent();
            }
            HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri(port, "/things/nothing/jobs"))
                    .header("Host", DATA_HOST).GET());
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
            HttpResponse<String> started = send(HttpRequest.newBuilder(uri(dataPort, "/things/t1/jobs/$next"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(started.statusCode()).isEqualTo(200);
            assertThat(started.body()).contains("\"jobId\":\"j1\"", "\"status\":\"IN_PROGRESS\"");
            // The jar's embedded broker and bridge: a device asks for its pending jobs over MQTT (W4).
            try (MqttDevice device = new MqttDevice(mqttPort, "t1")) {
                MqttDevice.Message pending = device.request("get", "{\"clientToken\":\"jar\"}");
                assertThat(pending.topic()).isEqualTo("$aws/things/t1/jobs/get/accepted");
                assertThat(pending.payload().at("/inProgressJobs/0/jobId").textValue()).isEqualTo("j1");
            }

            first = server.terminate();
            assertThat(server.out()).as("stdout is the ready line alone").containsExactly(ready.group());
            assertThat(server.err()).noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
        }
        assertThat(first).isZero();

        try (JarProcess again = JarProcess.start(dir, Map.of(), "--port", "0", "--mqtt", "none", "--h2-file",
                file.toAbsolutePath().toString())) {
            int port = Integer.parseInt(ready(again).group(1));
            HttpResponse<String> pending = send(HttpRequest.newBuilder(uri(port, "/things/t1/jobs"))
                    .header("Host", DATA_HOST).GET());
            assertThat(pending.statusCode()).isEqualTo(200);
            assertThat(pending.body()).as("the execution the first run started")
                    .startsWith("{\"inProgressJobs\":[{\"jobId\":\"j1\"").endsWith("\"queuedJobs\":[]}");
            assertThat(again.terminate()).isZero();
        }
    }

    @Test
    void twoServersOnOnePostgresqlDatabaseAreTwoNodesAndARequestUnderWayOutlivesSigterm() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            try (HikariDataSource pool = pool(url, "postgres")) {
                prepareThingAndJob(pool);
            }
            Map<String, String> env = Map.of("IOTJOBS_STORE", "postgres", "IOTJOBS_JDBC_URL", url,
                    "IOTJOBS_JDBC_USER", "postgres", "IOTJOBS_JDBC_PASSWORD", "pw-not-shown");
            try (JarProcess a = JarProcess.start(dir, env, "--port", "0", "--mqtt-port", "0", "--node-id", "a");
                    JarProcess b = JarProcess.start(dir, env, "--port", "0", "--data-port", "0", "--mqtt", "none",
                            "--node-id", "b")) {
                Matcher readyA = ready(a);
                Matcher readyB = ready(b);
                assertThat(readyA.group(2)).isEqualTo("postgres " + url);
                int portA = Integer.parseInt(readyA.group(1));
                int portB = Integer.parseInt(readyB.group(1));
                int dataB = Integer.parseInt(readyB.group(3));

                HttpResponse<String> started = send(HttpRequest.newBuilder(uri(portA, "/things/t1/jobs/$next"))
                        .header("Host", DATA_HOST).PUT(HttpRequest.BodyPublishers.ofString("{}")));
                assertThat(started.body()).contains("\"status\":\"IN_PROGRESS\"");
                HttpResponse<String> seenByB = send(HttpRequest.newBuilder(uri(dataB, "/things/t1/jobs")).GET());
                assertThat(seenByB.body()).startsWith("{\"inProgressJobs\":[{\"jobId\":\"j1\"");

                // B's next request waits on a lock the test holds (on the table of things, which only requests
                // read); SIGTERM comes while it waits.
                try (Connection locker = postgres.getPostgresDatabase().getConnection()) {
                    locker.setAutoCommit(false);
                    try (Statement lock = locker.createStatement()) {
                        lock.execute("LOCK TABLE iotjobs_thing IN ACCESS EXCLUSIVE MODE");
                    }
                    CompletableFuture<HttpResponse<String>> underWay = http.sendAsync(
                            HttpRequest.newBuilder(uri(dataB, "/things/t1/jobs")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    awaitALockWait(locker, underWay);
                    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                        try {
                            return b.terminate();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    b.awaitErr(line -> line.contains("stopping"), Duration.ofSeconds(10));
                    awaitRefused(portB);   // B listens no more, and the request is still waiting
                    assertThat(underWay).isNotDone();
                    locker.rollback();
                    HttpResponse<String> answered = underWay.get(10, TimeUnit.SECONDS);
                    assertThat(answered.statusCode()).isEqualTo(200);
                    assertThat(answered.body()).startsWith("{\"inProgressJobs\":[{\"jobId\":\"j1\"");
                    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
                }
                assertThat(send(HttpRequest.newBuilder(uri(portA, "/health")).GET()).statusCode()).isEqualTo(200);
                assertThat(a.terminate()).isZero();
                for (JarProcess server : List.of(a, b)) {
                    assertThat(String.join("\n", server.out()) + String.join("\n", server.err()))
                            .doesNotContain("pw-not-shown");
                }
            }
        }
    }

    @Test
    void helpListsTheOptionsWithExitCode0() throws Exception {
        try (JarProcess help = JarProcess.start(dir, Map.of(), "--help")) {
            assertThat(help.awaitExit()).isZero();
            assertThat(String.join("\n", help.out())).contains("Usage: iot-jobs-server", "--port=PORT",
                    "IOTJOBS_PORT", "--store=KIND", "--h2-file=PATH", "--jdbc-url=URL", "--auth=MODE",
                    "--credentials=FILE", "--endpoint-address=HOST[:PORT]");
        }
        assertThat(Files.exists(dir.resolve("iotjobs-data"))).as("--help opens no store").isFalse();
    }

    @Test
    void aBadOptionIsAUsageErrorWithExitCode2() throws Exception {
        try (JarProcess bad = JarProcess.start(dir, Map.of(), "--no-such-option")) {
            assertThat(bad.awaitExit()).isEqualTo(2);
            assertThat(bad.err().get(0)).isEqualTo("Unknown option: '--no-such-option'");
            assertThat(bad.out()).isEmpty();
        }
    }

    @Test
    void aPortInUseIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                JarProcess server = JarProcess.start(dir, Map.of(), "--store", "memory", "--mqtt", "none",
                        "--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(server.awaitExit()).isEqualTo(1);
            assertThat(server.err()).containsExactly("iot-jobs-server: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use; stop what listens there or choose another "
                    + "--port (IOTJOBS_PORT), or check --host (IOTJOBS_HOST)");
        }
    }

    private static Matcher ready(JarProcess server) throws InterruptedException {
        Matcher ready = LISTENING.matcher(server.awaitOut(line -> LISTENING.matcher(line).matches(), READY));
        assertThat(ready.matches()).isTrue();
        return ready;
    }

    /** A thing t1 and a job j1 for it, written by an engine in this JVM before a server runs on the store. */
    private static void prepareThingAndJob(HikariDataSource pool) {
        try (pool; JdbcJobRepository store = JdbcJobRepository.create(pool);
                JobsEngine engine = JobsEngine.builder().repository(store).build()) {
            engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document("{\"op\":\"reboot\"}")
                    .targets(THING_ARN).build());
        }
    }

    private static HikariDataSource h2Pool(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        HikariDataSource pool = pool("jdbc:h2:file:" + file.toAbsolutePath(), "sa");
        return pool;
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        return new HikariDataSource(config);
    }

    /** Waits until a session waits for the lock on things: B's request, in the store. */
    private static void awaitALockWait(Connection locker, CompletableFuture<HttpResponse<String>> request)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Statement query = locker.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet waiting = query.executeQuery(
                        "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'iotjobs_thing'::regclass")) {
                    waiting.next();
                    if (waiting.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the request did not come to wait on the lock within 20 s; it is "
                + (request.isDone() ? "answered" : "not answered"));
    }

    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(10);
            } catch (ConnectException refused) {
                return;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("port " + port + " still accepts connections after SIGTERM");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

}
