package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The HTTP listener itself (SPEC W1, W5): its second port, and answers that outlive {@code close()}. */
class JobsHttpServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void w1_theDataPortIsAlwaysTheDataPlaneAndTheSharedPortRoutesUnsignedRequestsToTheControlPlane()
            throws Exception {
        JobsEngine engine = JobsEngine.builder().repository(new InMemoryJobRepository()).build();
        engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
        try (JobsHttpServer server = JobsHttpServer.builder(engine).port(0).dataPort(0).build().start()) {
            HttpResponse<String> data = get(server.dataPort(), "/things/t1/jobs");
            assertThat(data.statusCode()).isEqualTo(200);
            assertThat(data.body()).isEqualTo("{\"inProgressJobs\":[],\"queuedJobs\":[]}");
            // The same route unsigned on the shared port is the control plane's ListJobExecutionsForThing.
            HttpResponse<String> shared = get(server.port(), "/things/t1/jobs");
            assertThat(shared.statusCode()).isEqualTo(200);
            assertThat(shared.body()).isEqualTo("{\"executionSummaries\":[]}");
        }
    }

    @Test
    void w5_aRequestUnderWayWhenTheServerClosesIsStillAnswered() throws Exception {
        InMemoryJobRepository store = new InMemoryJobRepository();
        CountDownLatch inStore = new CountDownLatch(1);
        JobRepository slowStore = (JobRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("pendingExecutions")) {
                        inStore.countDown();
                        Thread.sleep(500);   // a slow store
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        JobsEngine engine = JobsEngine.builder().repository(slowStore).build();
        engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
        JobsHttpServer server = JobsHttpServer.builder(engine).port(0).dataPort(0).build().start();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.dataPort() + "/things/t1/jobs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inStore.await(5, TimeUnit.SECONDS)).isTrue();
        server.close();
        assertThat(answer.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void w2_anExpectationOtherThan100ContinueAndAnOverlongRequestLineAreAwsErrors() throws Exception {
        JobsEngine engine = JobsEngine.builder().repository(new InMemoryJobRepository()).build();
        try (JobsHttpServer server = JobsHttpServer.builder(engine).port(0).build().start()) {
            String expect = raw(server.port(), "PUT /jobs/j1/cancel HTTP/1.1\r\nHost: x\r\nExpect: foo\r\n"
                    + "Content-Length: 2\r\n\r\n{}");
            assertThat(expect).startsWith("HTTP/1.1 417").contains("x-amzn-ErrorType: InvalidRequestException",
                    "x-amzn-RequestId", "Expect: only 100-continue");
            String overlong = raw(server.port(), "GET /jobs/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(overlong).startsWith("HTTP/1.1 400").contains("x-amzn-ErrorType: InvalidRequestException",
                    "4096 bytes");
        }
    }

    /** Sends bytes as they are and reads the answer until the server closes or a second passes. */
    private static String raw(int port, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                // the connection stays open: what came is the answer
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
