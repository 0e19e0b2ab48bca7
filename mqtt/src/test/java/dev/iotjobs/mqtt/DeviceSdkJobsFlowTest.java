package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotjobs.api.control.DescribeJobExecutionRequest;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.iot.iotjobs.model.DescribeJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.iot.iotjobs.model.JobExecutionData;
import software.amazon.awssdk.iot.iotjobs.model.JobExecutionSummary;
import software.amazon.awssdk.iot.iotjobs.model.JobExecutionsChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.RejectedError;
import software.amazon.awssdk.iot.iotjobs.model.RejectedErrorCode;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionResponse;

/**
 * The AWS IoT Device SDK for Java v2 ({@link DeviceSdkClient}: the SDK's {@code IotJobsClient} over MQTT 3.1.1)
 * against the real {@link MqttJobsBridge} on the embedded broker and the memory store: the device flow of AWS's jobs
 * samples and every rejected code a device can provoke, each answer parsed by the SDK's own model classes (SPEC W4,
 * W5, E4).
 */
class DeviceSdkJobsFlowTest {
    private static final String THING = "sensor-1";
    private static final String DOCUMENT = "{\"operation\":\"reboot\",\"files\":[\"a.bin\",\"b.bin\"],"
            + "\"retries\":3,\"nested\":{\"delay\":5}}";

    /**
     * System time with the millisecond part of every instant at .789: a time the bridge did not cut to whole seconds
     * would show it on the wire (the SDK itself would cut it silently: it reads times with Gson's getAsLong).
     */
    private static final Clock CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(Instant.now().getEpochSecond(), 789_000_000);
        }
    };

    private static TestBroker broker;
    private Fleet fleet;
    private MqttJobsBridge bridge;
    private DeviceSdkClient device;
    /** Sees, raw, everything under the thing's jobs topics (the SDK parses it more leniently than it is checked). */
    private TestDevice wire;

    @BeforeAll
    static void startBroker() {
        broker = new TestBroker();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void start() {
        fleet = new Fleet(CLOCK).thing(THING);
        bridge = MqttJobsBridge.builder().engine(fleet.engine).brokerUri(broker.uri()).protocol(MqttProtocol.V3_1_1)
                .build().start();
        fleet.engine.start();
        wire = new TestDevice(broker, THING, "$aws/things/" + THING + "/jobs/#");
        device = DeviceSdkClient.connect("127.0.0.1", broker.port(), THING);
    }

    @AfterEach
    void stop() {
        try {
            assertThat(device.parseFailures().drain()).as("payloads the SDK could not parse").isEmpty();
        } finally {
            device.close();
            wire.close();
            bridge.close();
            fleet.engine.close();
        }
    }

    @Test
    void w4_e4_theJobsSampleFlowThroughTheDeviceSdk() {
        SdkEvents<JobExecutionsChangedEvent> notify = device.subscribeToNotify();
        SdkEvents<NextJobExecutionChangedEvent> notifyNext = device.subscribeToNotifyNext();

        // A new job wakes the device: notify-next with the execution and its document, notify with the pending set.
        fleet.job("j1", DOCUMENT, THING);
        JobExecution queuedInStore = execution("j1");
        NextJobExecutionChangedEvent woken = notifyNext.next();
        JobExecutionData head = woken.execution;
        assertThat(head.jobId).isEqualTo("j1");
        assertThat(head.thingName).isEqualTo(THING);
        assertThat(head.status).isEqualTo(JobStatus.QUEUED);
        assertDocument(head.jobDocument);
        assertThat(head.versionNumber).isEqualTo(1);
        assertThat(head.executionNumber).isEqualTo(1L);
        assertSeconds(head.queuedAt, queuedInStore.queuedAt());
        assertThat(head.startedAt).isNull();
        assertWholeSeconds(woken.timestamp);
        JobExecutionsChangedEvent created = notify.next();
        assertThat(created.jobs).containsOnlyKeys(JobStatus.QUEUED);
        assertThat(created.jobs.get(JobStatus.QUEUED)).extracting(summary -> summary.jobId).containsExactly("j1");

        GetPendingJobExecutionsResponse pending = device.getPending().accepted();
        assertThat(pending.inProgressJobs).isEmpty();
        JobExecutionSummary summary = pending.queuedJobs.get(0);
        assertThat(pending.queuedJobs).hasSize(1);
        assertThat(summary.jobId).isEqualTo("j1");
        assertThat(summary.versionNumber).isEqualTo(1);
        assertThat(summary.executionNumber).isEqualTo(1L);
        assertSeconds(summary.queuedAt, queuedInStore.queuedAt());
        assertSeconds(summary.lastUpdatedAt, queuedInStore.lastUpdatedAt());
        assertThat(summary.startedAt).isNull();

        StartNextPendingJobExecutionRequest startNext = new StartNextPendingJobExecutionRequest();
        startNext.statusDetails = DeviceSdkClient.details("step", "download");
        startNext.stepTimeoutInMinutes = 30L;
        JobExecutionData started = device.startNext(startNext).accepted().execution;
        JobExecution startedInStore = execution("j1");
        assertThat(started.jobId).isEqualTo("j1");
        assertThat(started.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(started.statusDetails).containsExactlyEntriesOf(Map.of("step", "download"));
        assertDocument(started.jobDocument);
        assertThat(started.versionNumber).isEqualTo(startedInStore.versionNumber().intValue()).isEqualTo(2);
        assertSeconds(started.startedAt, startedInStore.startedAt());
        assertSeconds(started.lastUpdatedAt, startedInStore.lastUpdatedAt());

        UpdateJobExecutionRequest progress = new UpdateJobExecutionRequest();
        progress.jobId = "j1";
        progress.status = JobStatus.IN_PROGRESS;
        progress.expectedVersion = started.versionNumber;
        progress.statusDetails = DeviceSdkClient.details("step", "install");
        progress.includeJobExecutionState = true;
        UpdateJobExecutionResponse inProgress = device.update(progress).accepted();
        assertThat(inProgress.executionState.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(inProgress.executionState.versionNumber).isEqualTo(3);
        assertThat(inProgress.executionState.statusDetails).containsExactlyEntriesOf(Map.of("step", "install"));
        assertThat(inProgress.jobDocument).isNull();
        assertWholeSeconds(inProgress.timestamp);

        DescribeJobExecutionResponse next = device.describe("$next").accepted();
        assertThat(next.execution.jobId).isEqualTo("j1");
        assertThat(next.execution.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(next.execution.versionNumber).isEqualTo(3);
        assertDocument(next.execution.jobDocument);

        // A second job while j1 runs: the pending set changed (notify), the head did not (no notify-next).
        fleet.job("j2", "{\"operation\":\"upgrade\"}", THING);
        JobExecutionsChangedEvent second = notify.next();
        assertThat(second.jobs.get(JobStatus.IN_PROGRESS)).extracting(s -> s.jobId).containsExactly("j1");
        assertThat(second.jobs.get(JobStatus.QUEUED)).extracting(s -> s.jobId).containsExactly("j2");
        assertThat(second.jobs.get(JobStatus.IN_PROGRESS).get(0).versionNumber).isEqualTo(3);

        UpdateJobExecutionRequest done = new UpdateJobExecutionRequest();
        done.jobId = "j1";
        done.status = JobStatus.SUCCEEDED;
        done.expectedVersion = 3;
        done.statusDetails = DeviceSdkClient.details("step", "done");
        done.includeJobExecutionState = true;
        done.includeJobDocument = true;
        UpdateJobExecutionResponse succeeded = device.update(done).accepted();
        assertThat(succeeded.executionState.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(succeeded.executionState.versionNumber).isEqualTo(4);
        assertDocument(succeeded.jobDocument);
        assertThat(execution("j1").status()).isEqualTo(JobExecutionStatus.SUCCEEDED);

        // j1 leaving: the pending set changed and j2 is the new head. The start-next and the IN_PROGRESS update
        // above sent neither notification: these are the next ones on each topic (E4).
        JobExecutionsChangedEvent afterJ1 = notify.next();
        assertThat(afterJ1.jobs).containsOnlyKeys(JobStatus.QUEUED);
        assertThat(afterJ1.jobs.get(JobStatus.QUEUED)).extracting(s -> s.jobId).containsExactly("j2");
        NextJobExecutionChangedEvent nowJ2 = notifyNext.next();
        assertThat(nowJ2.execution.jobId).isEqualTo("j2");
        assertThat(nowJ2.execution.jobDocument).containsEntry("operation", "upgrade");

        JobExecutionData nextJ2 = device.describe("$next").accepted().execution;
        assertThat(nextJ2.jobId).isEqualTo("j2");
        assertThat(nextJ2.status).isEqualTo(JobStatus.QUEUED);

        // j2 rejected by the device: nothing pending, the queue empty.
        assertThat(device.update("j2", JobStatus.REJECTED, 1).accepted().timestamp).isNotNull();
        JobExecutionsChangedEvent empty = notify.next();
        assertThat(empty.jobs).isEmpty();
        NextJobExecutionChangedEvent emptied = notifyNext.next();
        assertThat(emptied.execution).isNull();
        assertThat(device.getPending().accepted().queuedJobs).isEmpty();
        assertThat(device.startNext().accepted().execution).isNull();
        assertThat(device.describe("$next").accepted().execution).isNull();
        assertThat(device.unmatchedAnswers().drain()).as("answers no request asked for").isEmpty();

        assertEveryTimeOnTheWireIsWholeSeconds(wire.await(m -> m.topic().endsWith("/$next/get/accepted")
                && !m.json().has("execution")));
    }

    @Test
    void w4_everyRejectedCodeADeviceCanProvokeAsTheSdkParsesIt() {
        fleet.job("j1", DOCUMENT, THING);
        int version = device.startNext().accepted().execution.versionNumber;

        RejectedError mismatch = device.update("j1", JobStatus.IN_PROGRESS, version + 5).rejected();
        assertThat(mismatch.code).isEqualTo(RejectedErrorCode.VERSION_MISMATCH);
        assertThat(mismatch.executionState.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(mismatch.executionState.versionNumber).isEqualTo(version);
        assertThat(mismatch.clientToken).isNotNull();
        assertWholeSeconds(mismatch.timestamp);

        RejectedError notSettable = device.update("j1", JobStatus.QUEUED, null).rejected();
        assertThat(notSettable.code).isEqualTo(RejectedErrorCode.INVALID_REQUEST);
        assertThat(notSettable.message).contains("status");
        assertThat(notSettable.executionState).isNull();

        StartNextPendingJobExecutionRequest badTimeout = new StartNextPendingJobExecutionRequest();
        badTimeout.stepTimeoutInMinutes = -3L;
        RejectedError invalidTimeout = device.startNext(badTimeout).rejected();
        assertThat(invalidTimeout.code).isEqualTo(RejectedErrorCode.INVALID_REQUEST);
        assertThat(invalidTimeout.message).contains("stepTimeoutInMinutes");

        assertThat(device.update("j1", JobStatus.FAILED, version).accepted().timestamp).isNotNull();
        RejectedError transition = device.update("j1", JobStatus.SUCCEEDED, null).rejected();
        assertThat(transition.code).isEqualTo(RejectedErrorCode.INVALID_STATE_TRANSITION);
        assertThat(transition.executionState.status).isEqualTo(JobStatus.FAILED);
        assertThat(transition.executionState.versionNumber).isEqualTo(version + 1);

        RejectedError terminal = device.describe("j1").rejected();
        assertThat(terminal.code).isEqualTo(RejectedErrorCode.TERMINAL_STATE_REACHED);
        assertThat(terminal.executionState).isNull();

        RejectedError unknownJob = device.describe("no-such-job").rejected();
        assertThat(unknownJob.code).isEqualTo(RejectedErrorCode.RESOURCE_NOT_FOUND);
        assertThat(unknownJob.executionState).isNull();
        assertThat(device.update("no-such-job", JobStatus.SUCCEEDED, null).code())
                .isEqualTo(RejectedErrorCode.RESOURCE_NOT_FOUND);

        // Not JSON, not UTF-8: InvalidJson on the operation's /rejected, without a token (none could be read).
        device.publishRaw(device.jobsTopic("start-next"), "{\"clientToken\": oops".getBytes(StandardCharsets.UTF_8));
        device.publishRaw(device.jobsTopic("start-next"), new byte[] {'{', (byte) 0xC3, '}'});
        for (int i = 0; i < 2; i++) {
            SdkAnswer<?> invalidJson = device.unmatchedAnswers().next();
            assertThat(invalidJson.requestTopic()).isEqualTo(device.jobsTopic("start-next"));
            assertThat(invalidJson.rejected().code).isEqualTo(RejectedErrorCode.INVALID_JSON);
            assertThat(invalidJson.rejected().clientToken).isNull();
        }

        // A name under jobs/ that is no operation: InvalidTopic on {topic}/rejected, with the token.
        for (String name : new String[] {"cancel", "accepted", "notifications"}) {
            String topic = device.jobsTopic(name);
            SdkEvents<RejectedError> rejected = device.subscribeToRejected(topic);
            device.publishRaw(topic, ("{\"clientToken\":\"t-" + name + "\"}").getBytes(StandardCharsets.UTF_8));
            RejectedError invalidTopic = rejected.next();
            assertThat(invalidTopic.code).as(topic).isEqualTo(RejectedErrorCode.INVALID_TOPIC);
            assertThat(invalidTopic.clientToken).isEqualTo("t-" + name);
            assertThat(invalidTopic.message).contains(topic);
            assertThat(invalidTopic.executionState).isNull();
        }

        // Nothing a rejected request sent changed the execution.
        JobExecution stored = execution("j1");
        assertThat(stored.status()).isEqualTo(JobExecutionStatus.FAILED);
        assertThat(stored.versionNumber()).isEqualTo(version + 1L);
        assertThat(device.unmatchedAnswers().drain()).isEmpty();
        assertThat(bridge.isConnected()).isTrue();
    }

    @Test
    void w4_jobIdsNamedLikeTopicLevelsAreJobsThroughTheSdkToo() {
        SdkEvents<JobExecutionsChangedEvent> notify = device.subscribeToNotify();
        SdkEvents<NextJobExecutionChangedEvent> notifyNext = device.subscribeToNotifyNext();
        // In queue order (X11: queuedAt, then jobId), whatever second each was created in.
        List<String> ids = List.of("get", "notify", "notify-next", "start-next");
        for (String id : ids) {
            fleet.job(id, "{\"id\":\"" + id + "\"}", THING);
        }
        assertThat(device.getPending().accepted().queuedJobs).extracting(s -> s.jobId).containsExactlyElementsOf(ids);
        for (String id : ids) {
            DescribeJobExecutionResponse described = device.describe(id).accepted();
            assertThat(described.execution.jobId).isEqualTo(id);
            assertThat(described.execution.jobDocument).containsEntry("id", id);
        }

        List<String> done = new ArrayList<>();
        for (String id : ids) {
            JobExecutionData started = device.startNext().accepted().execution;
            assertThat(started.jobId).isEqualTo(id);
            UpdateJobExecutionRequest update = new UpdateJobExecutionRequest();
            update.jobId = id;
            update.status = JobStatus.SUCCEEDED;
            update.expectedVersion = started.versionNumber;
            update.includeJobExecutionState = true;
            update.includeJobDocument = true;
            UpdateJobExecutionResponse updated = device.update(update).accepted();
            assertThat(updated.executionState.status).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(updated.jobDocument).containsEntry("id", id);
            done.add(id);
        }
        assertThat(done).containsExactlyElementsOf(ids);
        assertThat(device.getPending().accepted().queuedJobs).isEmpty();
        assertThat(device.describe("$next").accepted().execution).isNull();

        // The SDK's notify subscriptions saw only notifications, never the answers about jobs "notify" and
        // "notify-next": 4 jobs entering and 4 leaving the pending set, the head changing 4 times and emptying.
        List<JobExecutionsChangedEvent> pendingSets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pendingSets.add(notify.next());
        }
        assertThat(pendingSets.get(7).jobs).isEmpty();
        List<NextJobExecutionChangedEvent> heads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            heads.add(notifyNext.next());
        }
        assertThat(heads.subList(0, 4)).extracting(e -> e.execution.jobId).containsExactlyElementsOf(ids);
        assertThat(heads.get(4).execution).isNull();
        assertThat(device.unmatchedAnswers().drain()).isEmpty();
    }

    private JobExecution execution(String jobId) {
        return fleet.engine.controlPlane().describeJobExecution(DescribeJobExecutionRequest.builder()
                .jobId(jobId).thingName(THING).build()).execution();
    }

    private static void assertDocument(Map<String, Object> document) {
        assertThat(document).containsEntry("operation", "reboot").containsEntry("files", List.of("a.bin", "b.bin"));
        assertThat(((Number) document.get("retries")).intValue()).isEqualTo(3);
        assertThat(document.get("nested")).isInstanceOf(Map.class);
    }

    /** The SDK's time is the engine's, cut to whole seconds (W3). */
    private static void assertSeconds(Date sdkTime, Instant engineTime) {
        assertThat(sdkTime).isNotNull();
        assertThat(sdkTime.toInstant()).isEqualTo(Instant.ofEpochSecond(engineTime.getEpochSecond()));
    }

    private static void assertWholeSeconds(Date sdkTime) {
        assertThat(sdkTime).isNotNull();
        assertThat(sdkTime.getTime() % 1000).isZero();
    }

    /** Every time member of every payload the watcher saw is a JSON integer (W3): none carries .789. */
    private void assertEveryTimeOnTheWireIsWholeSeconds(TestDevice.Received last) {
        List<TestDevice.Received> seen = new ArrayList<>(wire.inbox());
        seen.add(last);
        assertThat(seen).extracting(TestDevice.Received::topic)
                .anyMatch(topic -> topic.endsWith("/notify-next"))
                .anyMatch(topic -> topic.endsWith("/start-next/accepted"))
                .anyMatch(topic -> topic.endsWith("/update/accepted"));
        for (TestDevice.Received message : seen) {
            if (message.json() != null) {
                assertIntegralTimes(message.topic(), message.json());
            }
        }
    }

    private static void assertIntegralTimes(String topic, JsonNode node) {
        node.fields().forEachRemaining(field -> {
            if (List.of("timestamp", "queuedAt", "startedAt", "lastUpdatedAt").contains(field.getKey())) {
                assertThat(field.getValue().isIntegralNumber()).as(topic + " " + field.getKey() + " = "
                        + field.getValue()).isTrue();
            }
            assertIntegralTimes(topic, field.getValue());
        });
        if (node.isArray()) {
            node.forEach(element -> assertIntegralTimes(topic, element));
        }
    }
}
