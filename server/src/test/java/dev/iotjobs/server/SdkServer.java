package dev.iotjobs.server;

import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import dev.iotjobs.core.PresignedUrlSigner;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * A {@link JobsHttpServer} on the memory store with a clock the test moves, and the AWS SDK for Java v2's clients
 * for both planes pointed at it, changed in nothing but their endpoint (and no retries, so a test sees each answer).
 * The store can be made to fail, as a database that went away.
 */
final class SdkServer implements AutoCloseable {
    static final String ACCOUNT = "123456789012";

    final MutableClock clock;
    final JobsEngine engine;
    final JobsHttpServer server;
    final IotClient iot;
    final IotJobsDataPlaneClient device;
    private volatile RuntimeException storeFailure;
    private volatile RuntimeException signerFailure;
    private final AtomicInteger signatures = new AtomicInteger();

    SdkServer(Instant now) {
        clock = new MutableClock(now);
        InMemoryJobRepository store = new InMemoryJobRepository();
        JobRepository failing = (JobRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    RuntimeException failure = storeFailure;
                    if (failure != null) {
                        throw failure;
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        // A fake signer (SPEC J16) whose URLs carry the role, the expiry and a count, and that can be made to fail.
        PresignedUrlSigner signer = (url, role, expiresIn) -> {
            if (signerFailure != null) {
                throw signerFailure;
            }
            return url + "?X-Amz-Role=" + role.substring(role.lastIndexOf('/') + 1) + "&X-Amz-Expires="
                    + expiresIn.toSeconds() + "&X-Amz-Signature=sig" + signatures.incrementAndGet();
        };
        engine = JobsEngine.builder().repository(failing).clock(clock).presignedUrlSigner(signer).build();
        server = JobsHttpServer.builder(engine).port(0).build().start();
        iot = iotClient(server.port(), "AKID", "secret");
        device = deviceClient(server.port(), "AKID", "secret");
    }

    /** @return the SDK's control-plane client for a server on this port, signing with this key, no retries */
    static IotClient iotClient(int port, String accessKeyId, String secret) {
        return IotClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** @return the SDK's data-plane client for a server on this port, signing with this key, no retries */
    static IotJobsDataPlaneClient deviceClient(int port, String accessKeyId, String secret) {
        return IotJobsDataPlaneClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** @param failure what the presigned-URL signer throws from now on, or null to heal it */
    void failSigner(RuntimeException failure) {
        signerFailure = failure;
    }

    /** @param failure what every store call throws from now on, or null to heal the store */
    void failStore(RuntimeException failure) {
        storeFailure = failure;
    }

    static String thingArn(String thing) {
        return "arn:aws:iot:us-east-1:" + ACCOUNT + ":thing/" + thing;
    }

    static String groupArn(String group) {
        return "arn:aws:iot:us-east-1:" + ACCOUNT + ":thinggroup/" + group;
    }

    @Override
    public void close() {
        iot.close();
        device.close();
        server.close();
        engine.close();
    }
}
