package dev.iotjobs.bench.mqtt;

import dev.iotjobs.bench.BenchStore;
import dev.iotjobs.bench.http.Args;
import dev.iotjobs.bench.http.DeviceSupply;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.mqtt.EmbeddedMqttBroker;
import dev.iotjobs.mqtt.MqttJobsBridge;
import dev.iotjobs.mqtt.MqttProtocol;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * The server side of {@link MqttRoundTripBenchmark}'s MQTT cases, a JVM of its own so that its CPU time is its
 * process's: the store, the engine and the device supply ({@code DeviceSupply}: things {@code device-000000} on, each
 * with {@code jobs} QUEUED executions), then the embedded broker ({@code broker=embedded}) or none, and an
 * {@link MqttJobsBridge} to it or to the broker at {@code broker=tcp://HOST:PORT}; the engine is started after the
 * bridge, as the standalone server does. Prints {@code READY broker=tcp://HOST:PORT}, then answers lines on stdin:
 * {@code OPEN} (a CPU snapshot: {@code OPENED}), {@code CLOSE} (a second one: {@code CPU process=S GROUP=S ...}, the
 * seconds between the two by {@link ThreadCpu.Group}), {@code COUNTERS} (the jobs' summed counters), {@code THREADS}
 * (every thread's CPU and group, to stderr); stops when stdin closes.
 *
 * <p>Keys: {@code store} ({@code memory} or {@code h2}), {@code things}, {@code jobs}, {@code broker},
 * {@code protocol} (the bridge's to an external broker: {@code auto}, {@code v5} or {@code v3}; the embedded broker
 * speaks 3.1.1 only), {@code requestWorkers} (the bridge's, default 8, its default).
 */
public final class MqttBenchServer {
    private MqttBenchServer() {
    }

    /**
     * @param args {@code key=value} arguments (see the class comment)
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        // As the standalone server: Moquette logs every packet at INFO, a log line per message on stderr otherwise.
        System.setProperty("org.slf4j.simpleLogger.log." + EmbeddedMqttBroker.LOGGER_NAME, "warn");
        Args parsed = Args.parse(args, "store", "things", "jobs", "broker", "protocol", "requestWorkers");
        String storeKind = parsed.string("store", "memory");
        int things = parsed.integer("things", 200);
        int jobs = parsed.integer("jobs", 10);
        int workers = parsed.integer("requestWorkers", 8);
        String brokerArg = parsed.string("broker", "embedded");
        try (BenchStore store = BenchStore.open(storeKind, workers + 4)) {
            JobsEngine engine = store.engine(Clock.systemUTC());
            try {
                long seeding = System.nanoTime();
                DeviceSupply supply = DeviceSupply.create(engine, things, jobs, storeKind.equals("memory") ? 1 : 4);
                // Nobody subscribes yet: this drops the set-up's events, which the bridge would otherwise publish
                // (a notify per execution created) inside the warm-up and the window.
                engine.relayEvents();
                System.err.printf(Locale.ROOT, "mqtt bench server: %d things x %d jobs on %s in %.1f s%n", things,
                        jobs, storeKind, (System.nanoTime() - seeding) / 1e9);
                try (EmbeddedMqttBroker broker = brokerArg.equals("embedded")
                        ? EmbeddedMqttBroker.builder().port(0).build().start() : null) {
                    URI uri = URI.create(broker == null ? brokerArg : broker.uri());
                    MqttJobsBridge.Builder builder = MqttJobsBridge.builder().engine(engine).brokerUri(uri)
                            .clientId("iot-jobs-bench-bridge").requestWorkers(workers)
                            .protocol(broker != null ? MqttProtocol.V3_1_1 : protocol(parsed.string("protocol",
                                    "auto")));
                    try (MqttJobsBridge bridge = builder.build().start()) {
                        engine.start();
                        System.out.println("READY broker=" + uri);
                        System.out.flush();
                        serve(supply);
                    }
                }
            } finally {
                engine.close();
            }
        }
    }

    private static MqttProtocol protocol(String name) {
        return switch (name) {
            case "auto" -> MqttProtocol.AUTO;
            case "v5" -> MqttProtocol.V5;
            case "v3" -> MqttProtocol.V3_1_1;
            default -> throw new IllegalArgumentException("protocol must be auto, v5 or v3, not " + name);
        };
    }

    private static void serve(DeviceSupply supply) throws Exception {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ThreadCpu.Snapshot opened = null;
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            switch (line.trim()) {
                case "OPEN" -> {
                    opened = ThreadCpu.now();
                    System.out.println("OPENED at=" + System.nanoTime());
                }
                case "CLOSE" -> {
                    ThreadCpu.Snapshot closed = ThreadCpu.now();
                    if (opened == null) {
                        System.out.println("CPU none=no-OPEN-before");
                        break;
                    }
                    Map<ThreadCpu.Group, Double> groups = ThreadCpu.between(opened, closed);
                    StringBuilder out = new StringBuilder("CPU process=")
                            .append(closed.process() - opened.process());
                    groups.forEach((group, seconds) -> out.append(' ').append(group.name()).append('=')
                            .append(seconds));
                    System.out.println(out);
                }
                case "COUNTERS" -> System.out.println("COUNTERS " + supply.counters());
                case "THREADS" -> {
                    System.err.print(ThreadCpu.describe(ThreadCpu.now()));
                    System.out.println("THREADS printed=stderr");
                }
                default -> System.out.println("UNKNOWN command=" + line.trim().replace(' ', '_'));
            }
            System.out.flush();
        }
    }
}
