package dev.iotjobs.bench.http;

import dev.iotjobs.bench.BenchStore;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.server.wire.JobsWire;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The server side of {@link HttpServerBenchmark}, a JVM of its own so that its CPU time is its process's: builds
 * the store, the engine and the device supply ({@link DeviceSupply}), then either serves the data plane over one
 * HTTP library and prints {@code READY port=N}, answering a line {@code COUNTERS} on stdin with the jobs' summed
 * counters and stopping when stdin closes; or ({@code serve=inprocess}) runs the in-process baseline itself and
 * prints {@code RESULT ...}.
 *
 * <p>Keys: {@code serve} ({@code http} or {@code inprocess}), {@code http} ({@code netty}: JobsHttpServer, {@code netty-thin}, {@code undertow},
 * {@code jetty}, {@code vertx}, {@code jdk} or {@code trivial}), {@code store} ({@code memory} or {@code h2}),
 * {@code things}, {@code jobs}, {@code handlerThreads} (engine-call threads of the servers that have a pool of their
 * own; default 16, JobsHttpServer's), {@code threads}, {@code warmup} and {@code seconds} (in-process only).
 */
public final class BenchServer {
    private static final String HOST = "127.0.0.1";

    private BenchServer() {
    }

    /**
     * @param args {@code key=value} arguments (see the class comment)
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Args parsed = Args.parse(args, "serve", "http", "store", "things", "jobs", "handlerThreads", "threads",
                "warmup", "seconds");
        String http = parsed.string("http", "netty");
        if (http.equals("trivial")) {
            try (TrivialHttpServer server = new TrivialHttpServer(HOST, 0)) {
                serve(server, null);
            }
            return;
        }
        String storeKind = parsed.string("store", "memory");
        int handlerThreads = parsed.integer("handlerThreads", 16);
        int threads = parsed.integer("threads", 8);
        int things = parsed.integer("things", 20_000);
        try (BenchStore store = BenchStore.open(storeKind, Math.max(handlerThreads, threads) + 4)) {
            JobsEngine engine = store.engine(Clock.systemUTC());
            try {
                long seeding = System.nanoTime();
                DeviceSupply supply = DeviceSupply.create(engine, things, parsed.integer("jobs", 10),
                        storeKind.equals("memory") ? 1 : 4);
                System.err.printf("bench server: %d things x %d jobs on %s in %.1f s%n", things,
                        parsed.integer("jobs", 10), storeKind, (System.nanoTime() - seeding) / 1e9);
                if (parsed.string("serve", "http").equals("inprocess")) {
                    LoadResult result = InProcessRoundTrips.run(engine.dataPlane(), DeviceSupply.thingNames(things),
                            threads, Duration.ofMillis((long) (parsed.number("warmup", 5) * 1000)),
                            Duration.ofMillis((long) (parsed.number("seconds", 15) * 1000)));
                    System.out.println("RESULT roundTrips=" + result.roundTrips() + " calls=" + result.calls()
                            + " seconds=" + result.seconds() + " cpuSeconds=" + result.generatorCpuSeconds()
                            + " errors=" + result.errors() + " empty=" + result.empty()
                            + " totalRoundTrips=" + result.totalRoundTrips());
                    System.out.println("COUNTERS " + supply.counters());
                    System.out.flush();
                    return;
                }
                try (WireServer server = start(http, engine, handlerThreads)) {
                    serve(server, supply);
                }
            } finally {
                engine.close();
            }
        }
    }

    private static WireServer start(String http, JobsEngine engine, int handlerThreads) throws Exception {
        JobsWire wire = new JobsWire(engine, () -> "127.0.0.1");
        return switch (http) {
            case "netty" -> new NettyWireServer(engine, HOST, handlerThreads);
            case "netty-thin" -> new NettyThinWireServer(wire, HOST, handlerThreads);
            case "undertow" -> new UndertowWireServer(wire, HOST, handlerThreads);
            case "jetty" -> new JettyWireServer(wire, HOST);
            case "vertx" -> new VertxWireServer(wire, HOST, Runtime.getRuntime().availableProcessors(),
                    handlerThreads);
            case "jdk" -> new JdkWireServer(wire, HOST, handlerThreads);
            default -> throw new IllegalArgumentException("unknown http library " + http);
        };
    }

    private static void serve(WireServer server, DeviceSupply supply) throws Exception {
        System.out.println("READY port=" + server.port());
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            if (line.trim().equals("COUNTERS")) {
                System.out.println("COUNTERS " + (supply == null ? "none" : supply.counters()));
                System.out.flush();
            }
        }
    }
}
