package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.GetJobDocumentRequest;
import dev.iotjobs.api.model.PresignedUrlConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;
import software.amazon.awssdk.services.iotjobsdataplane.model.InvalidRequestException;
import software.amazon.awssdk.services.iotjobsdataplane.model.InvalidStateTransitionException;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecution;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionStatus;
import software.amazon.awssdk.services.iotjobsdataplane.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iotjobsdataplane.model.ServiceUnavailableException;
import software.amazon.awssdk.services.iotjobsdataplane.model.TerminalStateException;

/** The AWS SDK for Java v2's data-plane client against {@link JobsHttpServer}, unchanged but for its endpoint. */
class DataPlaneSdkTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.789Z");

    private SdkServer sdk;
    private JobsHttpServer server;
    private IotJobsDataPlaneClient device;

    @BeforeEach
    void start() {
        sdk = new SdkServer(NOW);
        sdk.engine.things().createThing(CreateThingRequest.builder().thingName("t:1").build());
        sdk.engine.things().createThing(CreateThingRequest.builder().thingName("t:2").build());
        sdk.engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document("{\"op\":\"reboot\"}")
                .targets(SdkServer.thingArn("t:1")).build());
        server = sdk.server;
        device = sdk.device;
    }

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void w1_w3_theSdksDeviceFlowWorksUnchanged() {
        assertThat(device.getPendingJobExecutions(r -> r.thingName("t:1")).queuedJobs())
                .singleElement().satisfies(queued -> {
                    assertThat(queued.jobId()).isEqualTo("j1");
                    assertThat(queued.queuedAt()).isEqualTo(NOW.getEpochSecond());
                });
        JobExecution started = device.startNextPendingJobExecution(r -> r.thingName("t:1")
                .statusDetails(java.util.Map.of("step", "download")).stepTimeoutInMinutes(5L)).execution();
        assertThat(started.status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
        assertThat(started.jobDocument()).isEqualTo("{\"op\":\"reboot\"}");
        assertThat(started.statusDetails()).containsEntry("step", "download");

        JobExecution next = device.describeJobExecution(r -> r.thingName("t:1").jobId("$next")).execution();
        assertThat(next.jobId()).isEqualTo("j1");
        assertThat(next.versionNumber()).isEqualTo(started.versionNumber());

        var done = device.updateJobExecution(r -> r.thingName("t:1").jobId("j1")
                .status(JobExecutionStatus.SUCCEEDED).expectedVersion(started.versionNumber())
                .includeJobExecutionState(true));
        assertThat(done.executionState().status()).isEqualTo(JobExecutionStatus.SUCCEEDED);
        assertThat(device.startNextPendingJobExecution(r -> r.thingName("t:1")).execution()).isNull();
    }

    @Test
    void j16_everyDocumentTheDeviceGetsHasFreshlySignedUrlsAndAFailingSignerIs503() {
        String object = "https://minio.local:9000/firmware/v2.bin";
        sdk.engine.controlPlane().createJob(CreateJobRequest.builder().jobId("fw").targets(SdkServer.thingArn("t:2"))
                .document("{\"url\":\"${aws:iot:s3-presigned-url:" + object + "}\"}")
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn("arn:aws:iam::123456789012:role/dl")
                        .build())
                .build());
        sdk.failSigner(new IllegalStateException("KMS is down"));
        assertThatThrownBy(() -> device.startNextPendingJobExecution(r -> r.thingName("t:2")))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.awsErrorDetails().errorMessage()).doesNotContain("KMS");
                });
        sdk.failSigner(null);
        String expected = object + "?X-Amz-Role=dl&X-Amz-Expires=3600&X-Amz-Signature=sig";
        assertThat(device.describeJobExecution(r -> r.thingName("t:2").jobId("$next")).execution().jobDocument())
                .isEqualTo("{\"url\":\"" + expected + "1\"}");
        JobExecution started = device.startNextPendingJobExecution(r -> r.thingName("t:2")).execution();
        assertThat(started.status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
        assertThat(started.jobDocument()).isEqualTo("{\"url\":\"" + expected + "2\"}");
        assertThat(device.describeJobExecution(r -> r.thingName("t:2").jobId("fw")).execution().jobDocument())
                .contains("sig3");
        assertThat(device.updateJobExecution(r -> r.thingName("t:2").jobId("fw")
                .status(JobExecutionStatus.IN_PROGRESS).includeJobDocument(true)).jobDocument()).contains("sig4");
        assertThat(sdk.engine.controlPlane().getJobDocument(GetJobDocumentRequest.builder().jobId("fw").build())
                .document()).contains("${aws:iot:s3-presigned-url:" + object + "}");
    }

    @Test
    void w2_theSdkSeesAwsErrorsAsItsOwnExceptionClasses() {
        device.startNextPendingJobExecution(r -> r.thingName("t:1"));
        assertThatThrownBy(() -> device.updateJobExecution(r -> r.thingName("t:1").jobId("j1")
                .status(JobExecutionStatus.SUCCEEDED).expectedVersion(1L)))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidStateTransitionException");
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThatThrownBy(() -> device.getPendingJobExecutions(r -> r.thingName("ghost")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e ->
                        assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> device.startNextPendingJobExecution(r -> r.thingName("t:1")
                .stepTimeoutInMinutes(0L)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("stepTimeoutInMinutes");
                });
    }

    @Test
    void w2_x14_aFinishedExecutionIsTerminalStateAndAFailingStoreIsServiceUnavailable() {
        long version = device.startNextPendingJobExecution(r -> r.thingName("t:1")).execution().versionNumber();
        device.updateJobExecution(r -> r.thingName("t:1").jobId("j1").status(JobExecutionStatus.SUCCEEDED)
                .expectedVersion(version));
        assertThatThrownBy(() -> device.describeJobExecution(r -> r.thingName("t:1").jobId("j1")))
                .isInstanceOfSatisfying(TerminalStateException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
        sdk.failStore(new dev.iotjobs.api.error.ServiceUnavailableException("the database is down"));
        assertThatThrownBy(() -> device.getPendingJobExecutions(r -> r.thingName("t:1")))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.awsErrorDetails().errorMessage()).doesNotContain("database");
                });
    }

    @Test
    void w2_aBodyOverTheLimitIs413NamingIt() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/things/t1/jobs/$next"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[JobsHttpServer.MAX_BODY_BYTES + 1])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("InvalidRequestException");
        assertThat(answer.body()).contains("body: must be at most 1048576 bytes");
    }
}
