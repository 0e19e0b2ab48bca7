package dev.iotjobs.server;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.iotjobs.IotJobsClient;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.RejectedError;
import software.amazon.awssdk.iot.iotjobs.model.StartNextJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionSubscriptionRequest;

/**
 * A device on the AWS IoT Device SDK for Java v2, connected as AWS's jobs sample connects (its AWS connection
 * builder with a device certificate, changed only in its endpoint and TLS settings), over the server's TLS port.
 * The certificates are mqtt's test ones ({@code tls/README.txt}), copied to the test class path by the pom.
 */
final class SdkTlsDevice implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final QualityOfService QOS = QualityOfService.AT_LEAST_ONCE;

    private final String thingName;
    private final MqttClientConnection connection;
    private final IotJobsClient jobs;

    /** An answer of an update: accepted, or rejected with the error. */
    record UpdateAnswer(UpdateJobExecutionResponse accepted, RejectedError rejected) {
    }

    private SdkTlsDevice(String thingName, MqttClientConnection connection) {
        this.thingName = thingName;
        this.connection = connection;
        this.jobs = new IotJobsClient(connection);
    }

    /** @return a test certificate file, e.g. {@code ca.pem} */
    static Path tlsFile(String name) {
        URL url = SdkTlsDevice.class.getResource("/tls/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test certificate file tls/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Connects as {@code thingName} with its certificate ({@code thingName.pem}, {@code .key}), trusting the test
     * CA, to {@code localhost:tlsPort}.
     *
     * @throws IllegalStateException if the connection fails (a refused handshake, for one)
     */
    static SdkTlsDevice connect(int tlsPort, String thingName) {
        AwsIotMqttConnectionBuilder builder = AwsIotMqttConnectionBuilder.newMtlsBuilderFromPath(
                        tlsFile(thingName + ".pem").toString(), tlsFile(thingName + ".key").toString())
                .withCertificateAuthorityFromPath(null, tlsFile("ca.pem").toString())
                .withEndpoint("localhost")
                .withPort(tlsPort)
                .withClientId(thingName)
                .withCleanSession(true)
                .withProtocolOperationTimeoutMs((int) WAIT.toMillis());
        try (builder) {
            MqttClientConnection connection = builder.build();
            try {
                await(connection.connect());
            } catch (RuntimeException | AssertionError e) {
                connection.close();
                throw e;
            }
            return new SdkTlsDevice(thingName, connection);
        }
    }

    /** StartNextPendingJobExecution as the sample sends it; fails the test if it is rejected. */
    StartNextJobExecutionResponse startNext() {
        StartNextPendingJobExecutionSubscriptionRequest topics = new StartNextPendingJobExecutionSubscriptionRequest();
        topics.thingName = thingName;
        CompletableFuture<StartNextJobExecutionResponse> accepted = new CompletableFuture<>();
        await(jobs.SubscribeToStartNextPendingJobExecutionAccepted(topics, QOS, accepted::complete));
        await(jobs.SubscribeToStartNextPendingJobExecutionRejected(topics, QOS, error -> accepted
                .completeExceptionally(new AssertionError("start-next rejected: " + error.code))));
        StartNextPendingJobExecutionRequest request = new StartNextPendingJobExecutionRequest();
        request.thingName = thingName;
        request.stepTimeoutInMinutes = 15L;
        await(jobs.PublishStartNextPendingJobExecution(request, QOS));
        return await(accepted);
    }

    /** UpdateJobExecution of {@code jobId} to {@code status} with {@code expectedVersion}, as the sample sends it. */
    UpdateAnswer update(String jobId, JobStatus status, int expectedVersion) {
        UpdateJobExecutionSubscriptionRequest topics = new UpdateJobExecutionSubscriptionRequest();
        topics.thingName = thingName;
        topics.jobId = jobId;
        CompletableFuture<UpdateAnswer> answer = new CompletableFuture<>();
        await(jobs.SubscribeToUpdateJobExecutionAccepted(topics, QOS,
                response -> answer.complete(new UpdateAnswer(response, null))));
        await(jobs.SubscribeToUpdateJobExecutionRejected(topics, QOS,
                error -> answer.complete(new UpdateAnswer(null, error))));
        UpdateJobExecutionRequest request = new UpdateJobExecutionRequest();
        request.thingName = thingName;
        request.jobId = jobId;
        request.status = status;
        request.expectedVersion = expectedVersion;
        await(jobs.PublishUpdateJobExecution(request, QOS));
        UpdateAnswer result = await(answer);
        // The next update subscribes afresh: these callbacks must not take its answer.
        await(connection.unsubscribe("$aws/things/" + thingName + "/jobs/" + jobId + "/update/accepted"));
        await(connection.unsubscribe("$aws/things/" + thingName + "/jobs/" + jobId + "/update/rejected"));
        return result;
    }

    @Override
    public void close() {
        try {
            await(connection.disconnect());
        } finally {
            connection.close();
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
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
