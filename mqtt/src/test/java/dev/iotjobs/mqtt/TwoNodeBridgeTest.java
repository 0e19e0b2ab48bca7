package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.jdbc.JdbcJobRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engine nodes on one PostgreSQL database, each with its bridge on one broker (HiveMQ CE: shared subscriptions on
 * {@code $aws/...}), both bridges in the shared group {@code jobs}, both engines started (SPEC W6): every device
 * request is answered by exactly one node, and every notification is published once per event, by the node that
 * relays the events. Devices speak MQTT 5 and 3.1.1.
 */
class TwoNodeBridgeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    /**
     * Long enough for anything extra to show: the relay's round (1 s) plus its wait for a late sequence number
     * (500 ms here), twice.
     */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedPostgres postgres;
    private static HiveMqTestBroker broker;

    private final List<Node> nodes = new ArrayList<>();
    private final List<CountingDevice> devices = new ArrayList<>();
    private ExecutorService load;
    private String jdbcUrl;

    /** One engine node: its own connection pool, store, engine and bridge. */
    private static final class Node implements AutoCloseable {
        final HikariDataSource pool;
        final JdbcJobRepository store;
        final JobsEngine engine;
        final MqttJobsBridge bridge;

        Node(String name, String jdbcUrl) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername("postgres");
            config.setPassword("postgres");
            config.setMaximumPoolSize(10);
            config.setPoolName("node-" + name);
            pool = new HikariDataSource(config);
            store = JdbcJobRepository.create(pool);
            engine = JobsEngine.builder().repository(store).nodeId(name).eventGapWait(Duration.ofMillis(500))
                    .build();
            bridge = MqttJobsBridge.builder().engine(engine).brokerUri(URI.create(broker.uri()))
                    .clientId("bridge-" + name).sharedSubscriptionGroup("jobs").build().start();
        }

        @Override
        public void close() {
            bridge.close();
            engine.close();
            store.close();
            pool.close();
        }
    }

    @BeforeAll
    static void startDatabaseAndBroker() throws IOException {
        postgres = EmbeddedPostgres.builder()
                // A test server: durability buys nothing here.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        broker = HiveMqTestBroker.start();
    }

    @AfterAll
    static void stopDatabaseAndBroker() throws IOException {
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        String database = "jobs_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        jdbcUrl = postgres.getJdbcUrl("postgres", database);
        load = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        load.shutdownNow();
        devices.forEach(CountingDevice::close);
        nodes.forEach(Node::close);
    }

    /**
     * Starts nodes a and b, bridges first (an engine with no subscriber drops its events), with node a holding the
     * event relay: it makes the first commits (the things), and only then does b start its background relay.
     */
    private void startTwoNodes(int thingCount) {
        Node a = new Node("a", jdbcUrl);
        nodes.add(a);
        Node b = new Node("b", jdbcUrl);
        nodes.add(b);
        a.engine.start();
        for (int i = 0; i < thingCount; i++) {
            a.engine.things().createThing(CreateThingRequest.builder().thingName(thing(i)).build());
        }
        b.engine.start();
        for (int i = 0; i < thingCount; i++) {
            devices.add(new CountingDevice(broker.host(), broker.port(), thing(i), i % 2 == 0, false));
        }
    }

    @Test
    void w6_e4_eachRequestIsAnsweredOnceAndEachNotificationArrivesOncePerEvent() throws Exception {
        int things = 8;
        int jobs = 4;
        startTwoNodes(things);
        String[] targets = new String[things];
        for (int i = 0; i < things; i++) {
            targets[i] = Fleet.thingArn(thing(i));
        }
        // Jobs created on both nodes: node b's events reach the devices through node a's relay.
        for (int k = 1; k <= jobs; k++) {
            nodes.get(k % 2).engine.controlPlane().createJob(CreateJobRequest.builder().jobId(job(k))
                    .document("{\"step\":" + k + "}").targets(targets).build());
        }
        awaitNotifications(jobs, 1);

        // A burst of requests from every device at once, without waiting for answers.
        for (CountingDevice device : devices) {
            for (int r = 0; r < 10; r++) {
                device.send("get", "{}");
                device.send(r % 2 == 0 ? "$next/get" : job(1) + "/get", "{}");
            }
        }
        for (CountingDevice device : devices) {
            for (String token : device.answerCounts().keySet()) {
                assertThat(device.awaitAnswer(token, ANSWER_WAIT).topic()).endsWith("/accepted");
            }
        }

        // Every device runs its jobs through start-next and update SUCCEEDED, all at once.
        List<Future<?>> running = new ArrayList<>();
        for (CountingDevice device : devices) {
            running.add(load.submit(() -> {
                for (int k = 1; k <= jobs; k++) {
                    JsonNode started = device.awaitAnswer(device.send("start-next", "{}"), ANSWER_WAIT).json();
                    assertThat(started.get("execution").get("jobId").textValue()).isEqualTo(job(k));
                    long version = started.get("execution").get("versionNumber").longValue();
                    CountingDevice.Message done = device.awaitAnswer(device.send(job(k) + "/update",
                            "{\"status\":\"SUCCEEDED\",\"expectedVersion\":" + version + "}"), ANSWER_WAIT);
                    assertThat(done.topic()).as(done.json().toString()).endsWith("/accepted");
                }
                return null;
            }));
        }
        for (Future<?> device : running) {
            device.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        // Each job entered and left each pending set (notify twice per job); the head changed to each job in turn
        // and finally to none (notify-next jobs + 1 times).
        awaitNotifications(2 * jobs, jobs + 1);
        Thread.sleep(QUIET.toMillis()); // then nothing more arrives

        for (CountingDevice device : devices) {
            assertEveryRequestAnsweredOnce(device);
            List<JsonNode> notifies = device.notifies();
            assertThat(notifies).as(device.thing() + " notify").hasSize(2 * jobs);
            for (int k = 1; k <= jobs; k++) {
                // After job k was created: jobs 1..k queued. After job k succeeded: jobs k+1..N queued.
                assertThat(pendingIds(notifies.get(k - 1))).as(device.thing()).containsExactlyElementsOf(jobRange(1, k));
                assertThat(pendingIds(notifies.get(jobs + k - 1))).as(device.thing())
                        .containsExactlyElementsOf(jobRange(k + 1, jobs));
            }
            List<JsonNode> heads = device.notifyNexts();
            assertThat(heads).as(device.thing() + " notify-next").hasSize(jobs + 1);
            for (int k = 1; k <= jobs; k++) {
                assertThat(heads.get(k - 1).get("execution").get("jobId").textValue()).isEqualTo(job(k));
            }
            assertThat(heads.get(jobs).has("execution")).isFalse();
            assertThat(device.unexpected()).isEmpty();
        }
        // The store's truth: every execution succeeded once.
        for (int k = 1; k <= jobs; k++) {
            for (Node node : nodes) {
                assertThat(node.engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(job(k)).build())
                        .job().jobProcessDetails().numberOfSucceededThings()).isEqualTo(things);
            }
        }
    }

    @Test
    void w6_whenOneNodesBridgeClosesMidRunTheOtherAnswersEveryRequest() throws Exception {
        int things = 6;
        startTwoNodes(things);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (CountingDevice device : devices) {
            running.add(load.submit(() -> {
                for (int r = 0; !stop.get(); r++) {
                    CountingDevice.Message answer = device.awaitAnswer(
                            device.send(r % 2 == 0 ? "get" : "$next/get", "{}"), ANSWER_WAIT);
                    assertThat(answer.topic()).endsWith("/accepted");
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        CountingDevice.await(() -> answered.get() >= 150, WAIT, "150 requests answered by the two nodes");

        // Node b's bridge leaves: requests it had taken are answered, the group hands the rest to node a.
        nodes.get(1).bridge.close();
        int atClose = answered.get();
        CountingDevice.await(() -> answered.get() >= atClose + 150, WAIT, "150 more requests answered by node a");
        stop.set(true);
        for (Future<?> device : running) {
            device.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        // Node b's engine still commits; node a relays its events to the devices, once.
        nodes.get(1).engine.controlPlane().createJob(CreateJobRequest.builder().jobId("after").document("{}")
                .targets(devices.stream().map(d -> Fleet.thingArn(d.thing())).toArray(String[]::new)).build());
        awaitNotifications(1, 1);
        Thread.sleep(QUIET.toMillis()); // then nothing more arrives
        for (CountingDevice device : devices) {
            assertEveryRequestAnsweredOnce(device);
            assertThat(device.notifies()).as(device.thing()).hasSize(1);
            assertThat(pendingIds(device.notifies().get(0))).containsExactly("after");
            assertThat(device.notifyNexts()).as(device.thing()).hasSize(1);
            assertThat(device.unexpected()).isEmpty();
        }
    }

    private void awaitNotifications(int notifies, int notifyNexts) {
        CountingDevice.await(() -> devices.stream().allMatch(d -> d.notifies().size() >= notifies
                && d.notifyNexts().size() >= notifyNexts), WAIT,
                "every device notified " + notifies + " times and notified-next " + notifyNexts + " times");
    }

    private static void assertEveryRequestAnsweredOnce(CountingDevice device) {
        Map<String, Integer> counts = device.answerCounts();
        assertThat(counts).as(device.thing() + ": requests sent").hasSize(device.sent());
        assertThat(counts.values()).as(device.thing() + ": answers per request").containsOnly(1);
    }

    private static List<String> pendingIds(JsonNode notify) {
        List<String> ids = new ArrayList<>();
        notify.path("jobs").path("IN_PROGRESS").forEach(summary -> ids.add(summary.path("jobId").textValue()));
        notify.path("jobs").path("QUEUED").forEach(summary -> ids.add(summary.path("jobId").textValue()));
        return ids;
    }

    private static List<String> jobRange(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            ids.add(job(k));
        }
        return ids;
    }

    private static String thing(int i) {
        return "sensor-" + i;
    }

    private static String job(int k) {
        return "job-" + k;
    }
}
