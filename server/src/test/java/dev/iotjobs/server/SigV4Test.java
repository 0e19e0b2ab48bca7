package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/** SPEC W7: with keys configured, only requests the SDK signed with one of them pass; the others get AWS's 403. */
class SigV4Test {
    private JobsEngine engine;
    private JobsHttpServer server;

    @BeforeEach
    void start() {
        engine = JobsEngine.builder().repository(new InMemoryJobRepository()).build();
        server = JobsHttpServer.builder(engine).port(0).dataPort(0)
                .sigV4Credentials(Map.of("AKIDBACKEND", "backend-secret", "AKIDDEVICE", "device-secret"))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    @Test
    void w7_requestsSignedByAListedKeyPassOnBothPlanesAndBothPorts() {
        try (IotClient iot = SdkServer.iotClient(server.port(), "AKIDBACKEND", "backend-secret");
             IotJobsDataPlaneClient device = SdkServer.deviceClient(server.dataPort(), "AKIDDEVICE",
                     "device-secret")) {
            iot.createThing(r -> r.thingName("t:1"));
            // Query members, an encoded ':' in the path and a JSON body are all in what is signed.
            for (int i = 0; i < 3; i++) {
                String jobId = "j" + i;
                iot.createJob(r -> r.jobId(jobId).targets(SdkServer.thingArn("t:1")).document("{\"n\":1}"));
            }
            assertThat(iot.listJobsPaginator(r -> r.maxResults(2)).jobs()).hasSize(3);
            assertThat(device.startNextPendingJobExecution(r -> r.thingName("t:1")
                    .statusDetails(Map.of("step", "a b/c"))).execution().jobId()).isEqualTo("j0");
            assertThat(device.describeJobExecution(r -> r.thingName("t:1").jobId("$next")
                    .includeJobDocument(false)).execution().jobId()).isEqualTo("j0");
        }
    }

    @Test
    void w7_aWrongSecretAnUnknownKeyOrNoSignatureIs403WithAwsError() throws Exception {
        try (IotClient wrongSecret = SdkServer.iotClient(server.port(), "AKIDBACKEND", "guessed");
             IotClient unknownKey = SdkServer.iotClient(server.port(), "AKIDSTRANGER", "backend-secret")) {
            assertThatThrownBy(() -> wrongSecret.createThing(r -> r.thingName("t1")))
                    .isInstanceOfSatisfying(IotException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
            assertThatThrownBy(() -> unknownKey.listJobs(r -> r.maxResults(5)))
                    .isInstanceOfSatisfying(IotException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                    });
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.dataPort() + "/things/t1/jobs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(engine.controlPlane().listJobs(ListJobsRequest.builder().build()).jobs()).isEmpty();
    }

    @Test
    void w7_aBodyChangedAfterSigningOrAnOldSignatureIs403() throws Exception {
        String body = "{\"targets\":[\"arn:aws:iot:us-east-1:123456789012:thing/t1\"],\"document\":\"{}\"}";
        HttpResponse<String> tampered = send(signed("PUT", "/jobs/j1", body, Instant.now()),
                body.replace("{}", "{\"evil\":1}"));
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(tampered.body()).contains("does not match");

        HttpResponse<String> old = send(signed("PUT", "/jobs/j1", body, Instant.now().minusSeconds(20 * 60)), body);
        assertThat(old.statusCode()).isEqualTo(403);
        assertThat(old.body()).contains("Signature expired");

        HttpResponse<String> fresh = send(signed("GET", "/jobs", "", Instant.now()), "");
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(engine.controlPlane().listJobs(ListJobsRequest.builder().build()).jobs()).isEmpty();
    }

    /** A request signed by the SDK's signer as the SDK's clients sign, at the given time. */
    private SdkHttpRequest signed(String method, String path, String body, Instant at) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://127.0.0.1:" + server.port() + path))
                .putHeader("Content-Type", "application/json").build();
        return AwsV4HttpSigner.create().sign(sign -> sign
                .identity(AwsCredentialsIdentity.create("AKIDBACKEND", "backend-secret"))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iot")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
    }

    private static HttpResponse<String> send(SdkHttpRequest signed, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri())
                .method(signed.method().name(), HttpRequest.BodyPublishers.ofString(body));
        // The JDK's client writes Host itself (the same value the signer signed).
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
