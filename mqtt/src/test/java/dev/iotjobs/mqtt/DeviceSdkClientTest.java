package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.iot.iotjobs.model.DescribeJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.iot.iotjobs.model.JobExecutionData;
import software.amazon.awssdk.iot.iotjobs.model.JobExecutionsChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.RejectedError;
import software.amazon.awssdk.iot.iotjobs.model.RejectedErrorCode;
import software.amazon.awssdk.iot.iotjobs.model.StartNextJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.V2ErrorResponseException;

/**
 * The AWS IoT Device SDK for Java v2 over MQTT 3.1.1 on the embedded broker, against a fake responder: proves the
 * {@link DeviceSdkClient} fixture (and the SDK's parsing of the wire of reference/aws-wire.md section 2) before the
 * bridge answers for real.
 */
class DeviceSdkClientTest {
    private static EmbeddedMqttBroker broker;
    private static FakeJobsResponder responder;

    @BeforeAll
    static void startBrokerAndResponder() {
        broker = EmbeddedMqttBroker.builder().port(0).build().start();
        responder = FakeJobsResponder.start(broker);
    }

    @AfterAll
    static void stop() {
        responder.close();
        broker.close();
    }

    private static DeviceSdkClient device(String thingName) {
        return DeviceSdkClient.connect(broker.host(), broker.port(), thingName);
    }

    @Test
    void startNextReturnsTheSdksParsedExecution_W4() {
        try (DeviceSdkClient device = device("sensor-1")) {
            SdkAnswer<StartNextJobExecutionResponse> answer = device.startNext();

            assertThat(answer.requestTopic()).isEqualTo("$aws/things/sensor-1/jobs/start-next");
            JobExecutionData execution = answer.accepted().execution;
            assertThat(execution.jobId).isEqualTo(FakeJobsResponder.JOB_ID);
            assertThat(execution.thingName).isEqualTo("sensor-1");
            assertThat(execution.status).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(execution.versionNumber).isEqualTo(FakeJobsResponder.VERSION);
            assertThat(execution.executionNumber).isEqualTo(1L);
            assertThat(execution.jobDocument).containsEntry("operation", "reboot");
            assertThat(execution.statusDetails).containsEntry("step", "download");
            // Integer epoch seconds on the wire (W3), a Date in the SDK.
            assertThat(execution.startedAt.toInstant()).isEqualTo(Instant.ofEpochSecond(FakeJobsResponder.STARTED_AT));
            assertThat(answer.accepted().timestamp.toInstant()).isEqualTo(Instant.ofEpochSecond(FakeJobsResponder.NOW));
        }
    }

    @Test
    void aRejectedUpdateCarriesCodeAndExecutionState_W4() {
        try (DeviceSdkClient device = device("sensor-2")) {
            SdkAnswer<UpdateJobExecutionResponse> answer =
                    device.update(FakeJobsResponder.JOB_ID, JobStatus.SUCCEEDED, FakeJobsResponder.VERSION - 1);

            assertThat(answer.isAccepted()).isFalse();
            RejectedError error = answer.rejected();
            assertThat(error.code).isEqualTo(RejectedErrorCode.VERSION_MISMATCH);
            assertThat(error.message).contains("expectedVersion");
            assertThat(error.executionState.status).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(error.executionState.versionNumber).isEqualTo(FakeJobsResponder.VERSION);
            assertThat(error.executionState.statusDetails).containsEntry("step", "download");
            assertThatThrownBy(answer::accepted).isInstanceOf(AssertionError.class).hasMessageContaining("VersionMismatch");
        }
    }

    @Test
    void theSamplesFlowGetPendingStartNextUpdateDescribe() {
        try (DeviceSdkClient device = device("sensor-3")) {
            GetPendingJobExecutionsResponse pending = device.getPending().accepted();
            assertThat(pending.inProgressJobs).extracting(summary -> summary.jobId).containsExactly("job-1");
            assertThat(pending.queuedJobs).extracting(summary -> summary.jobId).containsExactly("job-2");
            assertThat(pending.queuedJobs.get(0).startedAt).isNull();

            StartNextPendingJobExecutionRequest startNext = new StartNextPendingJobExecutionRequest();
            startNext.statusDetails = DeviceSdkClient.details("step", "download");
            startNext.stepTimeoutInMinutes = 5L;
            int version = device.startNext(startNext).accepted().execution.versionNumber;

            UpdateJobExecutionRequest update = new UpdateJobExecutionRequest();
            update.jobId = "job-1";
            update.status = JobStatus.SUCCEEDED;
            update.expectedVersion = version;
            update.includeJobDocument = true;
            UpdateJobExecutionResponse updated = device.update(update).accepted();
            assertThat(updated.executionState.status).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(updated.executionState.versionNumber).isEqualTo(version + 1);
            assertThat(updated.jobDocument).containsEntry("operation", "reboot");

            DescribeJobExecutionResponse next = device.describe("$next").accepted();
            assertThat(next.execution.jobId).isEqualTo("job-1");
            assertThat(device.describe("job-9").code()).isEqualTo(RejectedErrorCode.RESOURCE_NOT_FOUND);
        }
    }

    @Test
    void notifyAndNotifyNextArriveAsTheSdksEvents() {
        try (DeviceSdkClient device = device("sensor-4")) {
            SdkEvents<JobExecutionsChangedEvent> notify = device.subscribeToNotify();
            SdkEvents<NextJobExecutionChangedEvent> notifyNext = device.subscribeToNotifyNext();

            responder.notifyPendingSet("sensor-4");
            JobExecutionsChangedEvent changed = notify.next();
            assertThat(changed.jobs.get(JobStatus.IN_PROGRESS)).extracting(summary -> summary.jobId)
                    .containsExactly("job-1");
            assertThat(changed.jobs.get(JobStatus.QUEUED)).extracting(summary -> summary.jobId)
                    .containsExactly("job-2");

            responder.notifyNext("sensor-4");
            NextJobExecutionChangedEvent next = notifyNext.next();
            assertThat(next.execution.jobId).isEqualTo("job-2");
            assertThat(next.execution.status).isEqualTo(JobStatus.QUEUED);
            assertThat(next.execution.startedAt).isNull();
            assertThat(next.timestamp.toInstant()).isEqualTo(Instant.ofEpochSecond(FakeJobsResponder.NOW));
        }
    }

    /** Every rejected code of reference/aws-wire.md section 2 is one the SDK's model parses. */
    @ParameterizedTest
    @CsvSource({
        "InvalidTopic, INVALID_TOPIC", "InvalidJson, INVALID_JSON", "InvalidRequest, INVALID_REQUEST",
        "InvalidStateTransition, INVALID_STATE_TRANSITION", "ResourceNotFound, RESOURCE_NOT_FOUND",
        "VersionMismatch, VERSION_MISMATCH", "InternalError, INTERNAL_ERROR", "RequestThrottled, REQUEST_THROTTLED",
        "TerminalStateReached, TERMINAL_STATE_REACHED", "SomethingNew, UNKNOWN_ENUM_VALUE"})
    void theSdkParsesEveryRejectedCodeOfAws(String wireCode, RejectedErrorCode sdkCode) {
        try (DeviceSdkClient device = device("codes-" + wireCode)) {
            SdkAnswer<UpdateJobExecutionResponse> answer =
                    device.update(FakeJobsResponder.REJECTED_CODE_PREFIX + wireCode, JobStatus.IN_PROGRESS, null);
            assertThat(answer.code()).isEqualTo(sdkCode);
            assertThat(answer.rejected().executionState.versionNumber).isEqualTo(FakeJobsResponder.VERSION);
        }
    }

    @Test
    void rawPublishesAndTheirRejectionsWithoutClientToken() {
        try (DeviceSdkClient device = device("sensor-5")) {
            String startNext = device.jobsTopic("start-next");
            SdkEvents<RejectedError> rejected = device.subscribeToRejected(startNext);
            device.publishRaw(startNext, "not json".getBytes(StandardCharsets.UTF_8));
            RejectedError invalidJson = rejected.next();
            assertThat(invalidJson.code).isEqualTo(RejectedErrorCode.INVALID_JSON);
            assertThat(invalidJson.clientToken).isNull();

            String unknown = device.jobsTopic("no-such-operation");
            SdkEvents<RejectedError> unknownRejected = device.subscribeToRejected(unknown);
            device.publishRaw(unknown, "{\"clientToken\":\"t-9\"}".getBytes(StandardCharsets.UTF_8));
            RejectedError invalidTopic = unknownRejected.next();
            assertThat(invalidTopic.code).isEqualTo(RejectedErrorCode.INVALID_TOPIC);
            assertThat(invalidTopic.clientToken).isEqualTo("t-9");
        }
    }

    @Test
    void anAnswerForNoRequestInFlightIsKeptAside() {
        try (DeviceSdkClient device = device("sensor-6")) {
            device.startNext().accepted();   // subscribes to start-next/accepted and /rejected
            device.publishRaw(device.jobsTopic("start-next"), "garbage".getBytes(StandardCharsets.UTF_8));
            SdkAnswer<?> stray = device.unmatchedAnswers().next();
            assertThat(stray.rejected().code).isEqualTo(RejectedErrorCode.INVALID_JSON);
            assertThat(device.parseFailures().drain()).isEmpty();
        }
    }

    @Test
    void theRequestResponseClientV2WorksOverMqtt311Too() throws Exception {
        try (DeviceSdkClient device = device("sensor-7")) {
            StartNextPendingJobExecutionRequest startNext = new StartNextPendingJobExecutionRequest();
            startNext.thingName = "sensor-7";
            StartNextJobExecutionResponse started =
                    device.jobsV2().startNextPendingJobExecution(startNext).get(10, TimeUnit.SECONDS);
            assertThat(started.execution.jobId).isEqualTo("job-1");

            UpdateJobExecutionRequest update = new UpdateJobExecutionRequest();
            update.thingName = "sensor-7";
            update.jobId = "job-1";
            update.status = JobStatus.SUCCEEDED;
            update.expectedVersion = 99;
            assertThatThrownBy(() -> device.jobsV2().updateJobExecution(update).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(V2ErrorResponseException.class, e -> {
                        assertThat(e.getModeledError().code).isEqualTo(RejectedErrorCode.VERSION_MISMATCH);
                        assertThat(e.getModeledError().executionState.versionNumber)
                                .isEqualTo(FakeJobsResponder.VERSION);
                    });
        }
    }

    @Test
    void aRefusedConnectionFailsClearly() {
        try (EmbeddedMqttBroker locked = EmbeddedMqttBroker.builder().port(0).credentials("u", "p").build().start()) {
            assertThatThrownBy(() -> DeviceSdkClient.connect(locked.host(), locked.port(), "intruder"))
                    .hasMessageContaining("CONNECT of intruder");
            try (DeviceSdkClient device = DeviceSdkClient.connect(locked.host(), locked.port(), "d", "u", "p")) {
                assertThat(device.thingName()).isEqualTo("d");
            }
        }
    }

    @Test
    void eventsWaitIsBounded() {
        SdkEvents<String> none = new SdkEvents<>("nothing");
        assertThat(none.poll(Duration.ZERO)).isEmpty();
        assertThat(none.drain()).isEqualTo(List.of());
    }
}
