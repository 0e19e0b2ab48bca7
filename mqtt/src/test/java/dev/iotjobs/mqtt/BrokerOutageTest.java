package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.DescribeJobExecutionRequest;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobProcessDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker stopped and started again under load (SPEC W5, E2, E4): the bridge reconnects and answers again, no
 * committed update is lost or applied twice, and the notifications due while the broker was away are delivered.
 */
class BrokerOutageTest {
    private static final int DEVICES = 16;
    private static final int JOBS = 20;
    /** How long a device waits for one answer before it sends the request again, as devices written for AWS do. */
    private static final Duration ANSWER_WAIT = Duration.ofMillis(1500);
    /** A device's pause between requests, so that the load is still running when the broker stops. */
    private static final long THINK_MILLIS = 15;
    private static final Duration RUN_WAIT = Duration.ofSeconds(45);

    private TestBroker broker;
    private Fleet fleet;
    private MqttJobsBridge bridge;
    private final List<CountingDevice> devices = new ArrayList<>();
    private ExecutorService load;

    @BeforeEach
    void start() {
        broker = new TestBroker();
        fleet = new Fleet();
        // The bridge's first reconnect attempt comes 3 s after the loss: the devices are back and subscribed on the
        // restarted broker by then, so that what the bridge sends on reconnecting has someone to reach.
        bridge = MqttJobsBridge.builder().engine(fleet.engine).brokerUri(broker.uri()).protocol(MqttProtocol.V3_1_1)
                .clientId("bridge-outage").reconnectBackoff(Duration.ofSeconds(3), Duration.ofSeconds(3)).build()
                .start();
        fleet.engine.start();
        load = Executors.newFixedThreadPool(DEVICES);
    }

    @AfterEach
    void stop() {
        load.shutdownNow();
        devices.forEach(CountingDevice::close);
        bridge.close();
        fleet.engine.close();
        broker.close();
    }

    /** What one device saw of its updates to SUCCEEDED. */
    private static final class Outcome {
        final AtomicInteger accepted = new AtomicInteger();
        /** A retry told the device its earlier update had committed: VersionMismatch or InvalidStateTransition. */
        final AtomicInteger alreadyCommitted = new AtomicInteger();
        final AtomicInteger resent = new AtomicInteger();

        int confirmed() {
            return accepted.get() + alreadyCommitted.get();
        }
    }

    @Test
    void w5_e4_aBrokerRestartMidLoadLosesNoCommittedUpdateAppliesNoneTwiceAndDeliversTheNotificationsDue()
            throws Exception {
        String[] things = new String[DEVICES];
        for (int i = 0; i < DEVICES; i++) {
            things[i] = "device-" + i;
            fleet.thing(things[i]);
        }
        fleet.thing("idle");
        for (int j = 0; j < JOBS; j++) {
            fleet.job(jobId(j), "{\"step\":" + j + "}", things);
        }
        for (String thing : things) {
            devices.add(new CountingDevice("127.0.0.1", broker.port(), thing, false, true));
        }
        CountingDevice idle = new CountingDevice("127.0.0.1", broker.port(), "idle", false, true);
        devices.add(idle);

        List<Outcome> outcomes = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            Outcome outcome = new Outcome();
            outcomes.add(outcome);
            CountingDevice device = devices.get(i);
            running.add(load.submit(() -> {
                work(device, outcome);
                return null;
            }));
        }
        int total = DEVICES * (JOBS + 1);
        CountingDevice.await(() -> confirmed(outcomes) >= total / 5, RUN_WAIT, "a fifth of the updates done");

        broker.stop();
        CountingDevice.await(() -> !bridge.isConnected(), Duration.ofSeconds(10), "disconnected");
        int beforeRestart = confirmed(outcomes);
        assertThat(beforeRestart).as("the broker went away mid-load").isLessThan(total);
        // Committed while the broker is away: its notify and notify-next are due (E2: at least once).
        fleet.job("late", "{\"step\":\"late\"}", concat(things, "idle"));
        broker.start();
        CountingDevice.await(() -> devices.stream().allMatch(d -> d.subscribedConnections() >= 2),
                Duration.ofSeconds(10), "every device reconnected and subscribed again");

        for (Future<?> device : running) {
            device.get(RUN_WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(bridge.isConnected()).isTrue();
        assertThat(confirmed(outcomes)).as("updates confirmed after the restart").isGreaterThan(beforeRestart);

        // No committed update lost (W5): the store's counters are what the devices were told, job by job.
        for (int j = 0; j < JOBS; j++) {
            JobProcessDetails counters = counters(jobId(j));
            assertThat(counters.numberOfSucceededThings()).as(jobId(j)).isEqualTo(DEVICES);
            assertThat(counters.numberOfInProgressThings()).as(jobId(j)).isZero();
            assertThat(counters.numberOfQueuedThings()).as(jobId(j)).isZero();
        }
        assertThat(confirmed(outcomes)).isEqualTo(DEVICES * (JOBS + 1));
        // None applied twice: every execution went QUEUED (1) -> IN_PROGRESS (2) -> SUCCEEDED (3), nothing more.
        for (int j = 0; j <= JOBS; j++) {
            String jobId = j == JOBS ? "late" : jobId(j);
            for (String thing : things) {
                JobExecution execution = fleet.engine.controlPlane().describeJobExecution(
                        DescribeJobExecutionRequest.builder().jobId(jobId).thingName(thing).build()).execution();
                assertThat(execution.status()).as(jobId + " on " + thing).isEqualTo(JobExecutionStatus.SUCCEEDED);
                assertThat(execution.versionNumber()).as(jobId + " on " + thing).isEqualTo(3);
            }
        }

        // The notifications due while the broker was away reached the idle thing after the restart.
        CountingDevice.await(() -> idle.notifyNexts().stream().anyMatch(n -> "late".equals(
                n.path("execution").path("jobId").textValue())), Duration.ofSeconds(10), "notify-next of late");
        CountingDevice.await(() -> idle.notifies().stream().anyMatch(n -> queued(n).contains("late")),
                Duration.ofSeconds(10), "notify of late");
        for (CountingDevice device : devices) {
            assertThat(device.unexpected()).as(device.thing() + ": messages no request of it asked for").isEmpty();
        }
        System.out.printf("BrokerOutageTest: %d updates confirmed, %d before the restart; %d accepted, %d shown "
                        + "committed by a retry; %d requests sent again%n", confirmed(outcomes), beforeRestart,
                outcomes.stream().mapToInt(o -> o.accepted.get()).sum(),
                outcomes.stream().mapToInt(o -> o.alreadyCommitted.get()).sum(),
                outcomes.stream().mapToInt(o -> o.resent.get()).sum());
    }

    /**
     * The device loop of AWS's jobs samples: start-next, then update SUCCEEDED with the version it got, until
     * nothing is pending. A request without an answer is sent again (a fresh clientToken, the same members).
     */
    private static void work(CountingDevice device, Outcome outcome) throws InterruptedException {
        while (true) {
            JsonNode started = request(device, "start-next", "{}", outcome).json();
            if (!started.has("execution")) {
                return;
            }
            JsonNode execution = started.get("execution");
            String jobId = execution.get("jobId").textValue();
            long version = execution.get("versionNumber").longValue();
            assertThat(execution.get("status").textValue()).isEqualTo("IN_PROGRESS");
            Thread.sleep(THINK_MILLIS);
            CountingDevice.Message answer = request(device, jobId + "/update", "{\"status\":\"SUCCEEDED\","
                    + "\"expectedVersion\":" + version + ",\"includeJobExecutionState\":true}", outcome);
            JsonNode body = answer.json();
            if (answer.topic().endsWith("/accepted")) {
                assertThat(body.get("executionState").get("versionNumber").longValue()).isEqualTo(version + 1);
                outcome.accepted.incrementAndGet();
            } else {
                // W5: an update that committed but whose answer was lost, sent again with the same expectedVersion,
                // gets a clear refusal showing the change in place, applied once.
                assertThat(body.get("code").textValue()).as(body.toString())
                        .isIn("VersionMismatch", "InvalidStateTransition");
                assertThat(body.get("executionState").get("status").textValue()).isEqualTo("SUCCEEDED");
                assertThat(body.get("executionState").get("versionNumber").longValue()).isEqualTo(version + 1);
                outcome.alreadyCommitted.incrementAndGet();
            }
            Thread.sleep(THINK_MILLIS);
        }
    }

    private static CountingDevice.Message request(CountingDevice device, String suffix, String json, Outcome outcome) {
        long deadline = System.nanoTime() + RUN_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<CountingDevice.Message> answer = device.answer(device.send(suffix, json), ANSWER_WAIT);
            if (answer.isPresent()) {
                return answer.get();
            }
            outcome.resent.incrementAndGet();
        }
        throw new AssertionError(device.thing() + ": no answer on " + suffix + " within " + RUN_WAIT);
    }

    private static int confirmed(List<Outcome> outcomes) {
        return outcomes.stream().mapToInt(Outcome::confirmed).sum();
    }

    private JobProcessDetails counters(String jobId) {
        return fleet.engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job()
                .jobProcessDetails();
    }

    private static List<String> queued(JsonNode notify) {
        List<String> ids = new ArrayList<>();
        notify.path("jobs").path("QUEUED").forEach(summary -> ids.add(summary.path("jobId").textValue()));
        return ids;
    }

    private static String jobId(int j) {
        return String.format("job-%02d", j);
    }

    private static String[] concat(String[] things, String more) {
        String[] all = java.util.Arrays.copyOf(things, things.length + 1);
        all[things.length] = more;
        return all;
    }
}
