package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.PresignedUrlSigner;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * The README's {@link PresignedUrlSigner} over the AWS SDK v2's {@code S3Presigner} (SPEC J16), against an
 * S3-compatible store's address (MinIO style: endpoint override, path-style URLs). Presigning is local
 * computation: no request leaves the machine.
 */
class PresignedUrlSignerExampleTest {
    private final S3Presigner presigner = S3Presigner.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9000"))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("minio", "minio123")))
            .build();

    @AfterEach
    void close() {
        presigner.close();
    }

    /** The README's example: the placeholder's URL is path-style, {@code {endpoint}/{bucket}/{key}}. */
    static PresignedUrlSigner s3Signer(S3Presigner presigner) {
        return (objectUrl, roleArn, expiresIn) -> {
            String path = objectUrl.getPath().substring(1);   // "bucket/key/with/slashes"
            int slash = path.indexOf('/');
            GetObjectPresignRequest request = GetObjectPresignRequest.builder()
                    .signatureDuration(expiresIn)
                    .getObjectRequest(get -> get.bucket(path.substring(0, slash)).key(path.substring(slash + 1)))
                    .build();
            return presigner.presignGetObject(request).url().toString();
        };
    }

    @Test
    void j16_theS3PresignerSignerGivesAPresignedGetUrlOfTheObject() {
        URI signed = URI.create(s3Signer(presigner).presign(URI.create("http://127.0.0.1:9000/firmware/v2/fw.bin"),
                "arn:aws:iam::123456789012:role/jobs-s3", Duration.ofMinutes(5)));
        assertThat(signed.getHost()).isEqualTo("127.0.0.1");
        assertThat(signed.getPort()).isEqualTo(9000);
        assertThat(signed.getPath()).isEqualTo("/firmware/v2/fw.bin");
        assertThat(signed.getRawQuery()).contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=300",
                "X-Amz-Credential=minio%2F", "X-Amz-Signature=");
    }

    @Test
    void j16_anEngineWithTheS3SignerHandsDevicesPresignedUrls() {
        JobsEngine engine = JobsEngine.builder().repository(new InMemoryJobRepository())
                .presignedUrlSigner(s3Signer(presigner)).build();
        engine.things().createThing(CreateThingRequest.builder().thingName("pump-7").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("fw-2")
                .targets("arn:aws:iot:us-east-1:123456789012:thing/pump-7")
                .document("{\"url\":\"${aws:iot:s3-presigned-url:http://127.0.0.1:9000/firmware/fw%202.bin}\"}")
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn("arn:aws:iam::123456789012:role/jobs-s3")
                        .expiresInSec(600L).build())
                .build());
        String document = engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest
                .builder().thingName("pump-7").build()).execution().jobDocument();
        assertThat(document).startsWith("{\"url\":\"http://127.0.0.1:9000/firmware/fw%202.bin?")
                .contains("X-Amz-Expires=600", "X-Amz-Signature=");
    }
}
