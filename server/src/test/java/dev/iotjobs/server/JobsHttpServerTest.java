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

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
