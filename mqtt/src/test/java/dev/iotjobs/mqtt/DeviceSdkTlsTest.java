package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.DescribeJobRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.iotjobs.IotJobsClient;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.RejectedError;
import software.amazon.awssdk.iot.iotjobs.model.RejectedErrorCode;
import software.amazon.awssdk.iot.iotjobs.model.StartNextJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionSubscriptionRequest;

/**
 * Issue 11's "done when" on the embedded broker: a device on the AWS IoT Device SDK for Java v2, its AWS connection
 * builder changed only in its endpoint and TLS settings (exactly as AWS's jobs sample builds it), runs the jobs flow
 * over mutual TLS against a bridge that itself reaches the broker over TLS with its own client certificate. The
 * broker listens on TLS only, so everything here crosses TLS.
 */
class DeviceSdkTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final QualityOfService QOS = QualityOfService.AT_LEAST_ONCE;

    private EmbeddedMqttBroker broker;
    private Fleet fleet;
    private MqttJobsBridge bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (fleet != null) {
            fleet.engine.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** A broker on TLS only, requiring certificates of ca.pem, and the bridge on it with bridge.p12. */
    private void startOverMutualTls(String username, String password) {
        EmbeddedMqttBroker.Builder builder = EmbeddedMqttBroker.builder().plainTcp(false)
                .tls(0, TestTls.file("broker.p12"), TestTls.PASSWORD.toCharArray())
                .requireClientCertificates(TestTls.file("ca.pem"));
        if (username != null) {
            builder.credentials(username, password);
        }
        broker = builder.build().start();
        fleet = new Fleet().thing("sensor-1");
        MqttJobsBridge.Builder bridgeBuilder = MqttJobsBridge.builder().engine(fleet.engine)
                .brokerUri(URI.create("ssl://localhost:" + broker.tlsPort()))
                .tls(TestTls.trust("ca.pem"), TestTls.keys("bridge.p12"))
                .clientId("iot-jobs-bridge")
                .protocol(MqttProtocol.V3_1_1);
        if (username != null) {
            bridgeBuilder.credentials(username, password.getBytes(StandardCharsets.UTF_8));
        }
        bridge = bridgeBuilder.build().start();
        fleet.engine.start();
    }

    /** The device's connection as AWS's jobs sample builds it, with this broker's endpoint and the test CA. */
    private AwsIotMqttConnectionBuilder sampleBuilder(String thingName) {
        return AwsIotMqttConnectionBuilder.newMtlsBuilderFromPath(TestTls.path(thingName + ".pem"),
                        TestTls.path(thingName + ".key"))
                .withCertificateAuthorityFromPath(null, TestTls.path("ca.pem"))
                .withEndpoint("localhost")
                .withPort(broker.tlsPort())
                .withClientId(thingName)
                .withCleanSession(true)
                .withProtocolOperationTimeoutMs((int) WAIT.toMillis());
    }

    private static MqttClientConnection connect(AwsIotMqttConnectionBuilder builder) {
        try (builder) {
            MqttClientConnection connection = builder.build();
            try {
                await(connection.connect());
            } catch (RuntimeException | AssertionError e) {
                connection.close();
                throw e;
            }
            return connection;
        }
    }

    @Test
    void w4_theAwsJobsSampleRunsOverMutualTlsWithTheSdksOwnConnectionBuilder() {
        startOverMutualTls(null, null);
        fleet.job("reboot-1", "{\"operation\":\"reboot\"}", "sensor-1");
        MqttClientConnection connection = connect(sampleBuilder("sensor-1"));
        try {
            runJobsFlow(new IotJobsClient(connection));
        } finally {
            await(connection.disconnect());
            connection.close();
        }
    }

    @Test
    void w7_withTheBrokersAccountTheSdkAddsOnlyItsUserNameAndPassword() {
        startOverMutualTls("fleet", "s3cret");
        fleet.job("reboot-1", "{\"operation\":\"reboot\"}", "sensor-1");
        // The SDK sends "fleet?SDK=JavaV2&Version=..." as the user name; the broker takes it as "fleet".
        MqttClientConnection connection = connect(sampleBuilder("sensor-1").withUsername("fleet")
                .withPassword("s3cret"));
        try {
            runJobsFlow(new IotJobsClient(connection));
        } finally {
            await(connection.disconnect());
            connection.close();
        }
        assertThatThrownBy(() -> connect(sampleBuilder("sensor-1").withUsername("fleet").withPassword("wrong")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeviceWhoseCertificateAnotherCaSignedCannotConnect() {
        startOverMutualTls(null, null);
        assertThatThrownBy(() -> connect(sampleBuilder("stranger"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBridgeWithoutAClientCertificateCannotStartOnABrokerThatRequiresThem() {
        startOverMutualTls(null, null);
        MqttJobsBridge withoutCertificate = MqttJobsBridge.builder().engine(fleet.engine)
                .brokerUri(URI.create(broker.tlsUri())).tls(TestTls.trust("ca.pem"), null)
                .protocol(MqttProtocol.V3_1_1).connectTimeout(WAIT).build();
        assertThatThrownBy(withoutCertificate::start).isInstanceOf(MqttBridgeException.class);
        assertThat(bridge.isConnected()).as("the bridge with its certificate").isTrue();
    }

    /**
     * AWS's jobs sample, with its subscriptions and requests: start-next, a stale expectedVersion rejected with
     * VersionMismatch and the execution's state, SUCCEEDED with the right expectedVersion, and notify-next when the
     * next job arrives.
     */
    private void runJobsFlow(IotJobsClient jobs) {
        StartNextPendingJobExecutionSubscriptionRequest startNextTopics =
                new StartNextPendingJobExecutionSubscriptionRequest();
        startNextTopics.thingName = "sensor-1";
        CompletableFuture<StartNextJobExecutionResponse> started = new CompletableFuture<>();
        CompletableFuture<RejectedError> startRejected = new CompletableFuture<>();
        await(jobs.SubscribeToStartNextPendingJobExecutionAccepted(startNextTopics, QOS, started::complete));
        await(jobs.SubscribeToStartNextPendingJobExecutionRejected(startNextTopics, QOS, startRejected::complete));
        StartNextPendingJobExecutionRequest startNext = new StartNextPendingJobExecutionRequest();
        startNext.thingName = "sensor-1";
        startNext.stepTimeoutInMinutes = 15L;
        await(jobs.PublishStartNextPendingJobExecution(startNext, QOS));
        StartNextJobExecutionResponse execution = await(started);
        assertThat(startRejected).isNotDone();
        assertThat(execution.execution.jobId).isEqualTo("reboot-1");
        assertThat(execution.execution.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(execution.execution.jobDocument).containsEntry("operation", "reboot");
        int version = execution.execution.versionNumber;

        UpdateJobExecutionSubscriptionRequest updateTopics = new UpdateJobExecutionSubscriptionRequest();
        updateTopics.thingName = "sensor-1";
        updateTopics.jobId = "reboot-1";
        Answers<UpdateJobExecutionResponse> updates = new Answers<>();
        await(jobs.SubscribeToUpdateJobExecutionAccepted(updateTopics, QOS, updates::accepted));
        await(jobs.SubscribeToUpdateJobExecutionRejected(updateTopics, QOS, updates::rejected));

        await(jobs.PublishUpdateJobExecution(update(JobStatus.IN_PROGRESS, version - 1), QOS));
        RejectedError stale = await(updates.rejected);
        assertThat(stale.code).isEqualTo(RejectedErrorCode.VERSION_MISMATCH);
        assertThat(stale.executionState.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(stale.executionState.versionNumber).isEqualTo(version);

        NextJobExecutionChangedSubscriptionRequest nextTopic = new NextJobExecutionChangedSubscriptionRequest();
        nextTopic.thingName = "sensor-1";
        CompletableFuture<NextJobExecutionChangedEvent> next = new CompletableFuture<>();
        Consumer<NextJobExecutionChangedEvent> onNext = event -> {
            if (event.execution != null && "update-1".equals(event.execution.jobId)) {
                next.complete(event);
            }
        };
        await(jobs.SubscribeToNextJobExecutionChangedEvents(nextTopic, QOS, onNext));

        updates.reset();
        await(jobs.PublishUpdateJobExecution(update(JobStatus.SUCCEEDED, version), QOS));
        await(updates.accepted);
        assertThat(updates.rejected).isNotDone();
        assertThat(fleet.engine.controlPlane().describeJob(DescribeJobRequest.builder()
                .jobId("reboot-1").build()).job().jobProcessDetails().numberOfSucceededThings()).isEqualTo(1);

        // E4: the next job wakes the device over TLS too.
        fleet.job("update-1", "{\"operation\":\"update\"}", "sensor-1");
        assertThat(await(next).execution.status).isEqualTo(JobStatus.QUEUED);
    }

    private static UpdateJobExecutionRequest update(JobStatus status, int expectedVersion) {
        UpdateJobExecutionRequest request = new UpdateJobExecutionRequest();
        request.thingName = "sensor-1";
        request.jobId = "reboot-1";
        request.status = status;
        request.expectedVersion = expectedVersion;
        return request;
    }

    /** The next answer on an operation's /accepted and /rejected topics. */
    private static final class Answers<T> {
        volatile CompletableFuture<T> accepted = new CompletableFuture<>();
        volatile CompletableFuture<RejectedError> rejected = new CompletableFuture<>();

        void accepted(T response) {
            accepted.complete(response);
        }

        void rejected(RejectedError error) {
            rejected.complete(error);
        }

        void reset() {
            accepted = new CompletableFuture<>();
            rejected = new CompletableFuture<>();
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
