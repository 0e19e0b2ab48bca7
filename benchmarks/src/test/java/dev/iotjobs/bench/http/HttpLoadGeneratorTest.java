package dev.iotjobs.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobSummary;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.server.JobsHttpServer;
import dev.iotjobs.server.wire.JobsWire;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load generator, briefly, against JobsHttpServer and the benchmark's other adapters on the memory store: every
 * round trip it counts is one SUCCEEDED execution on the server, and nothing fails.
 */
class HttpLoadGeneratorTest {
    private static final int THINGS = 200;
    private static final int JOBS = 40;

    private JobsEngine engine;
    private DeviceSupply supply;

    @BeforeEach
    void queueExecutions() throws InterruptedException {
        engine = JobsEngine.builder().repository(new InMemoryJobRepository()).region("us-east-1")
                .accountId("123456789012").build();
        supply = DeviceSupply.create(engine, THINGS, JOBS, 1);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void roundTripsOnJobsHttpServerAreTheServersSucceededExecutions() throws Exception {
        try (JobsHttpServer server = JobsHttpServer.builder(engine).port(0).dataPort(0).build().start()) {
            LoadResult result = drive(server.dataPort(), Map.of());
            assertAllSucceeded(result);
        }
    }

    @Test
    void theSharedPortRoutesTheSignedRequestsToTheDataPlane() throws Exception {
        try (JobsHttpServer server = JobsHttpServer.builder(engine).port(0).build().start()) {
            LoadResult result = drive(server.port(),
                    Map.of("Authorization", HttpLoadGenerator.DATA_PLANE_AUTHORIZATION));
            assertAllSucceeded(result);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"netty-thin", "undertow", "jetty", "vertx", "jdk"})
    void theOtherLibrariesServeTheSameWire(String library) throws Exception {
        JobsWire wire = new JobsWire(engine, () -> "127.0.0.1");
        try (WireServer server = switch (library) {
            case "netty-thin" -> new NettyThinWireServer(wire, "127.0.0.1", 4);
            case "undertow" -> new UndertowWireServer(wire, "127.0.0.1", 4);
            case "jetty" -> new JettyWireServer(wire, "127.0.0.1");
            case "vertx" -> new VertxWireServer(wire, "127.0.0.1", 1, 4);
            default -> new JdkWireServer(wire, "127.0.0.1", 4);
        }) {
            assertAllSucceeded(drive(server.port(), Map.of()));
        }
    }

    @Test
    void againstTheTrivialEndpointEveryRoundTripIsTwoCalls() throws Exception {
        try (TrivialHttpServer server = new TrivialHttpServer("127.0.0.1", 0)) {
            LoadResult result = drive(server.port(), Map.of());
            assertThat(result.roundTrips()).isPositive();
            assertThat(result.errors()).isZero();
            // Each of the 4 connections may have its window open after a StartNext or close before an update.
            assertThat(result.calls()).isBetween(2 * result.roundTrips() - 4, 2 * result.roundTrips() + 4);
        }
    }

    private static LoadResult drive(int port, Map<String, String> headers) throws InterruptedException {
        return HttpLoadGenerator.run(new HttpLoadGenerator.Options(URI.create("http://127.0.0.1:" + port), 4,
                Duration.ofMillis(100), Duration.ofMillis(400), DeviceSupply.thingNames(THINGS), 1, headers),
                HttpLoadGenerator.Window.NONE);
    }

    private void assertAllSucceeded(LoadResult result) {
        assertThat(result.roundTrips()).isPositive();
        assertThat(result.errors()).isZero();
        assertThat(result.totalErrors()).isZero();
        assertThat(result.failedConnections()).isZero();
        // The supply must outlast the run, or this test checks less than it says.
        assertThat(result.totalRoundTrips()).isLessThan((long) THINGS * JOBS);
        long succeeded = 0;
        long inProgress = 0;
        for (JobSummary job : engine.controlPlane().listJobs(ListJobsRequest.builder().maxResults(100).build())
                .jobs()) {
            JobProcessDetails details = engine.controlPlane().describeJob(DescribeJobRequest.builder()
                    .jobId(job.jobId()).build()).job().jobProcessDetails();
            succeeded += details.numberOfSucceededThings();
            inProgress += details.numberOfInProgressThings();
        }
        assertThat(succeeded).isEqualTo(result.totalRoundTrips());
        assertThat(inProgress).isZero();
        assertThat(supply.counters()).isEqualTo("succeeded=" + succeeded + " inProgress=0 queued="
                + ((long) THINGS * JOBS - succeeded));
    }
}
