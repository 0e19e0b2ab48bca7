package dev.iotjobs.bench.mqtt;

import dev.iotjobs.bench.http.Args;
import dev.iotjobs.bench.http.BenchServer;
import dev.iotjobs.bench.http.DeviceSupply;
import dev.iotjobs.bench.http.HttpLoadGenerator;
import dev.iotjobs.bench.http.LoadResult;
import dev.iotjobs.bench.http.ProcessCpu;
import dev.iotjobs.bench.http.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The MQTT bridge benchmark, in one run: N simulated devices (one HiveMQ client connection each, MQTT 3.1.1, QoS 1;
 * {@link MqttLoadGenerator}) each looping start-next then update to SUCCEEDED, clientToken-correlated, through
 * {@link dev.iotjobs.mqtt.MqttJobsBridge} on (a) the embedded broker (Moquette, in the bridge's JVM) and (b) an
 * external broker when one is given; beside (c) the same device round trip over {@code JobsHttpServer}'s data plane
 * with as many connections ({@link HttpLoadGenerator}) and (d) the in-process engine round trip (the ceiling). Every
 * point is a fresh server JVM ({@link MqttBenchServer} or {@link BenchServer}) on the same kind of store with the same
 * things and enough QUEUED executions, the load generated in this JVM. Round trips/s, requests/s, latencies, and CPU
 * seconds per 1,000 requests: the server process's, and for the MQTT cases split by thread ({@link ThreadCpu}):
 * the bridge's threads, the embedded broker's, the rest; an external broker's process CPU when its pid is given.
 * Repetitions interleave the points; tables give the mean over repetitions and the spread (min-max).
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * /usr/sbin/mosquitto -c mosquitto.conf &amp; MOSQUITTO=$!     # listener 18830 127.0.0.1, allow_anonymous true
 * java -cp benchmarks/target/benchmarks.jar dev.iotjobs.bench.mqtt.MqttRoundTripBenchmark \
 *     externalBroker=tcp://127.0.0.1:18830 externalBrokerPid=$MOSQUITTO
 * </pre>
 *
 * Keys (defaults): {@code devices} (200: things, MQTT connections, HTTP connections), {@code warmup} (10) and
 * {@code seconds} (10) per point, {@code reps} (3), {@code stores} (memory; memory,h2 for both), {@code cases}
 * (embedded,external,http,inprocess), {@code externalBroker} ({@code tcp://HOST:PORT}; without it the external case
 * is skipped with a note), {@code externalBrokerPid} (to count that broker's CPU), {@code protocol} (the bridge's to
 * the external broker: auto, v5 or v3; auto), {@code requestWorkers} (the bridge's, 8), {@code handlerThreads}
 * (JobsHttpServer's, 16), {@code inprocessThreads} (8), {@code inprocessWarmup} (8) and {@code inprocessSeconds} (5),
 * the round trips/s each point is supplied for: {@code mqttRate} (10000), {@code httpRate} (15000),
 * {@code inprocessRate} (60000), {@code h2Rate} (2000, every case on H2); {@code serverJvm} ("-Xms3g -Xmx3g"),
 * {@code log} (the servers' stderr, mqtt-bench-servers.log in the temp directory).
 */
public final class MqttRoundTripBenchmark {
    private static final String[] KEYS = {"devices", "warmup", "seconds", "reps", "stores", "cases",
        "externalBroker", "externalBrokerPid", "protocol", "requestWorkers", "handlerThreads", "inprocessThreads",
        "inprocessWarmup", "inprocessSeconds", "mqttRate", "httpRate", "inprocessRate", "h2Rate", "serverJvm", "log"};

    /** What serves the device round trip. */
    public enum Case {
        /** The bridge on the embedded broker, both in the server JVM. */
        EMBEDDED("embedded", "MQTT, embedded broker (Moquette)"),
        /** The bridge on an external broker. */
        EXTERNAL("external", "MQTT, external broker"),
        /** JobsHttpServer's data plane. */
        HTTP("http", "HTTP, JobsHttpServer"),
        /** The engine's data plane called in its own JVM. */
        INPROCESS("inprocess", "in-process engine");

        final String key;
        final String label;

        Case(String key, String label) {
            this.key = key;
            this.label = label;
        }

        static Case of(String key) {
            for (Case value : values()) {
                if (value.key.equals(key)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("unknown case " + key + "; cases: embedded, external, http, "
                    + "inprocess");
        }
    }

    /**
     * One repetition of one point. CPU figures are seconds per 1,000 requests answered in the window (NaN where not
     * measured).
     *
     * @param point what served
     * @param store the store
     * @param roundTripsPerSecond round trips per second in the window
     * @param requestsPerSecond requests answered per second in the window (MQTT requests or HTTP calls)
     * @param p50Micros median request latency
     * @param p99Micros 99th-percentile request latency
     * @param serverCpu the server process's CPU
     * @param split the MQTT server's CPU by thread group (empty for the other cases)
     * @param externalBrokerCpu the external broker process's CPU
     * @param generatorCpu the load generator's process CPU
     * @param totalRoundTrips round trips over the whole run
     * @param errors failed or rejected requests over the whole run
     * @param empty start-next answers without an execution in the window
     * @param failedDevices devices (connections) that failed or did not finish
     * @param problem what went wrong, or empty
     */
    public record Sample(Case point, String store, double roundTripsPerSecond, double requestsPerSecond,
                         long p50Micros, long p99Micros, double serverCpu, Map<ThreadCpu.Group, Double> split,
                         double externalBrokerCpu, double generatorCpu, long totalRoundTrips, long errors, long empty,
                         int failedDevices, String problem) {
        /** @return the bridge's threads' CPU: request workers, notify publisher, its HiveMQ client */
        public double bridgeCpu() {
            return split.isEmpty() ? Double.NaN : split.get(ThreadCpu.Group.BRIDGE_REQUESTS)
                    + split.get(ThreadCpu.Group.BRIDGE_NOTIFY) + split.get(ThreadCpu.Group.BRIDGE_CLIENT);
        }
    }

    private final Args args;
    private final int devices;
    private final int warmup;
    private final int seconds;
    private final File log;

    private MqttRoundTripBenchmark(Args args) {
        this.args = args;
        this.devices = args.integer("devices", 200);
        this.warmup = args.integer("warmup", 10);
        this.seconds = args.integer("seconds", 10);
        this.log = new File(args.string("log",
                new File(System.getProperty("java.io.tmpdir"), "mqtt-bench-servers.log").getPath()));
    }

    /**
     * @param argv {@code key=value} arguments (see the class comment)
     * @throws Exception if a point cannot run
     */
    public static void main(String[] argv) throws Exception {
        MqttRoundTripBenchmark benchmark = new MqttRoundTripBenchmark(Args.parse(argv, KEYS));
        List<Sample> samples = benchmark.run();
        for (String store : benchmark.args.list("stores", "memory")) {
            benchmark.table(samples, store);
        }
    }

    /**
     * Runs every point (for the smoke test: it asserts on the samples).
     *
     * @param argv {@code key=value} arguments (see the class comment)
     * @return every repetition of every point, in the order run
     * @throws Exception if a point cannot run
     */
    public static List<Sample> run(String... argv) throws Exception {
        return new MqttRoundTripBenchmark(Args.parse(argv, KEYS)).run();
    }

    private List<Sample> run() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String key : args.list("cases", "embedded,external,http,inprocess")) {
            Case point = Case.of(key);
            if (point == Case.EXTERNAL && args.string("externalBroker", "").isEmpty()) {
                System.out.println("external broker: skipped (no externalBroker=tcp://HOST:PORT given; see the "
                        + "README's \"MQTT bridge\" benchmark for running one with mosquitto)");
                continue;
            }
            cases.add(point);
        }
        List<String> stores = args.list("stores", "memory");
        int reps = args.integer("reps", 3);
        System.out.printf(Locale.ROOT, "MQTT bridge benchmark: %s on %s, %d devices, %d repetitions, %d s warm-up + "
                + "%d s measured (in-process %d + %d s); servers' stderr in %s%n", cases, stores, devices, reps,
                warmup, seconds, inprocessWarmup(), inprocessSeconds(), log);
        List<Sample> samples = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
            List<Case> order = new ArrayList<>(cases);
            Collections.rotate(order, -rep * Math.max(1, cases.size() / Math.max(1, reps)));
            for (String store : stores) {
                for (Case point : order) {
                    Sample sample = switch (point) {
                        case EMBEDDED, EXTERNAL -> overMqtt(point, store);
                        case HTTP -> overHttp(store);
                        case INPROCESS -> inProcess(store);
                    };
                    samples.add(sample);
                    System.out.printf(Locale.ROOT, "rep %d, %-6s %-34s %8.0f round trips/s %8.0f requests/s p50 %6d "
                                    + "us p99 %6d us server CPU %.4f s/1000 requests%s%s%n", rep + 1, store,
                            point.label, sample.roundTripsPerSecond(), sample.requestsPerSecond(), sample.p50Micros(),
                            sample.p99Micros(), sample.serverCpu(), sample.split().isEmpty() ? ""
                                    : String.format(Locale.ROOT, " (bridge threads %.4f, broker %.4f)",
                                    sample.bridgeCpu(), point == Case.EMBEDDED
                                            ? sample.split().get(ThreadCpu.Group.BROKER)
                                            : sample.externalBrokerCpu()),
                            sample.problem().isEmpty() ? "" : "  (" + sample.problem() + ")");
                }
            }
        }
        return samples;
    }

    private int inprocessWarmup() {
        return args.integer("inprocessWarmup", 8);
    }

    private int inprocessSeconds() {
        return args.integer("inprocessSeconds", 5);
    }

    /** Enough jobs on all things for the point's expected rate over warm-up, window and drain, with 30% to spare. */
    private int jobs(Case point, String store) {
        double rate = store.equals("h2") ? args.number("h2Rate", 2_000) : switch (point) {
            case EMBEDDED, EXTERNAL -> args.number("mqttRate", 10_000);
            case HTTP -> args.number("httpRate", 15_000);
            case INPROCESS -> args.number("inprocessRate", 60_000);
        };
        double runSeconds = point == Case.INPROCESS ? inprocessWarmup() + inprocessSeconds() : warmup + seconds;
        return Math.max(1, (int) Math.ceil(rate * (runSeconds + 2) * 1.3 / devices));
    }

    private List<String> serverJvm() {
        return Arrays.asList(args.string("serverJvm", "-Xms3g -Xmx3g").trim().split("\\s+"));
    }

    private Sample overMqtt(Case point, String store) throws Exception {
        List<String> serverArgs = new ArrayList<>(List.of("store=" + store, "things=" + devices,
                "jobs=" + jobs(point, store), "requestWorkers=" + args.integer("requestWorkers", 8)));
        serverArgs.add("broker=" + (point == Case.EMBEDDED ? "embedded" : args.string("externalBroker", "")));
        serverArgs.add("protocol=" + args.string("protocol", "auto"));
        ProcessHandle externalBroker = point == Case.EXTERNAL && !args.string("externalBrokerPid", "").isEmpty()
                ? ProcessHandle.of(Long.parseLong(args.string("externalBrokerPid", ""))).orElseThrow(
                        () -> new IllegalArgumentException("no process " + args.string("externalBrokerPid", "")))
                : null;
        try (ServerProcess server = new ServerProcess(MqttBenchServer.class, serverJvm(), serverArgs, log)) {
            URI broker = URI.create(ServerProcess.value(server.await("READY", 900), "broker"));
            String[] cpuLine = new String[1];
            double[] brokerCpu = new double[2];
            HttpLoadGenerator.Window window = new HttpLoadGenerator.Window() {
                @Override
                public void opened() {
                    command(server, "OPEN", "OPENED");
                    if (externalBroker != null) {
                        brokerCpu[0] = ProcessCpu.seconds(externalBroker);
                    }
                }

                @Override
                public void closed() {
                    cpuLine[0] = command(server, "CLOSE", "CPU");
                    if (externalBroker != null) {
                        brokerCpu[1] = ProcessCpu.seconds(externalBroker);
                    }
                }
            };
            LoadResult result = MqttLoadGenerator.run(new MqttLoadGenerator.Options(broker.getHost(),
                    broker.getPort() < 0 ? 1883 : broker.getPort(), DeviceSupply.thingNames(devices),
                    Duration.ofSeconds(warmup), Duration.ofSeconds(seconds)), window);
            command(server, "THREADS", "THREADS");
            String problem = problems(result) + counterProblems(server, result);
            Map<ThreadCpu.Group, Double> split = new EnumMap<>(ThreadCpu.Group.class);
            for (ThreadCpu.Group group : ThreadCpu.Group.values()) {
                split.put(group, per1000(Double.parseDouble(ServerProcess.value(cpuLine[0], group.name())),
                        result.calls()));
            }
            return new Sample(point, store, result.roundTripsPerSecond(), result.callsPerSecond(),
                    result.p50Micros(), result.p99Micros(),
                    per1000(Double.parseDouble(ServerProcess.value(cpuLine[0], "process")), result.calls()), split,
                    externalBroker == null ? Double.NaN : per1000(brokerCpu[1] - brokerCpu[0], result.calls()),
                    per1000(result.generatorCpuSeconds(), result.calls()), result.totalRoundTrips(),
                    result.totalErrors(), result.empty(), result.failedConnections(), problem.trim());
        }
    }

    /** Sends a command to the bench server and waits for its answer, inside the window's callbacks. */
    private static String command(ServerProcess server, String command, String answer) {
        try {
            server.send(command);
            return server.await(answer, 60);
        } catch (IOException e) {
            throw new UncheckedIOException("the bench server did not take " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + answer, e);
        }
    }

    private Sample overHttp(String store) throws Exception {
        List<String> serverArgs = List.of("http=netty", "store=" + store, "things=" + devices,
                "jobs=" + jobs(Case.HTTP, store), "handlerThreads=" + args.integer("handlerThreads", 16));
        try (ServerProcess server = new ServerProcess(BenchServer.class, serverJvm(), serverArgs, log)) {
            int port = Integer.parseInt(ServerProcess.value(server.await("READY", 900), "port"));
            double[] cpu = new double[2];
            HttpLoadGenerator.Window window = new HttpLoadGenerator.Window() {
                @Override
                public void opened() {
                    cpu[0] = ProcessCpu.seconds(server.handle());
                }

                @Override
                public void closed() {
                    cpu[1] = ProcessCpu.seconds(server.handle());
                }
            };
            LoadResult result = HttpLoadGenerator.run(new HttpLoadGenerator.Options(
                    URI.create("http://127.0.0.1:" + port), devices, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(seconds), DeviceSupply.thingNames(devices), 1, Map.of()), window);
            String problem = problems(result) + counterProblems(server, result);
            return new Sample(Case.HTTP, store, result.roundTripsPerSecond(), result.callsPerSecond(),
                    result.p50Micros(), result.p99Micros(), per1000(cpu[1] - cpu[0], result.calls()), Map.of(),
                    Double.NaN, per1000(result.generatorCpuSeconds(), result.calls()), result.totalRoundTrips(),
                    result.totalErrors(), result.empty(), result.failedConnections(), problem.trim());
        }
    }

    private Sample inProcess(String store) throws Exception {
        int threads = Math.min(devices, args.integer("inprocessThreads", 8));
        List<String> serverArgs = List.of("serve=inprocess", "store=" + store, "things=" + devices,
                "jobs=" + jobs(Case.INPROCESS, store), "threads=" + threads, "warmup=" + inprocessWarmup(),
                "seconds=" + inprocessSeconds());
        try (ServerProcess server = new ServerProcess(BenchServer.class, serverJvm(), serverArgs, log)) {
            String line = server.await("RESULT", 900 + inprocessWarmup() + inprocessSeconds());
            long roundTrips = Long.parseLong(ServerProcess.value(line, "roundTrips"));
            long calls = Long.parseLong(ServerProcess.value(line, "calls"));
            double window = Double.parseDouble(ServerProcess.value(line, "seconds"));
            long errors = Long.parseLong(ServerProcess.value(line, "errors"));
            long empty = Long.parseLong(ServerProcess.value(line, "empty"));
            String problem = (errors > 0 ? " " + errors + " errors" : "") + (empty > 0 ? " " + empty
                    + " StartNext found nothing pending (supply too small: raise inprocessRate)" : "");
            return new Sample(Case.INPROCESS, store, roundTrips / window, calls / window, 0, 0,
                    per1000(Double.parseDouble(ServerProcess.value(line, "cpuSeconds")), calls), Map.of(),
                    Double.NaN, Double.NaN, Long.parseLong(ServerProcess.value(line, "totalRoundTrips")), errors,
                    empty, 0, problem.trim());
        }
    }

    private static String problems(LoadResult result) {
        String problem = "";
        if (result.totalErrors() > 0) {
            problem += " " + result.totalErrors() + " errors";
        }
        if (result.empty() > 0) {
            problem += " " + result.empty() + " start-next found nothing pending (supply too small: raise the rate "
                    + "keys)";
        }
        if (result.failedConnections() > 0) {
            problem += " " + result.failedConnections() + " devices failed or did not finish";
        }
        return problem;
    }

    /** The server's counters must show every round trip made as one SUCCEEDED execution, and none IN_PROGRESS. */
    private static String counterProblems(ServerProcess server, LoadResult result) throws Exception {
        server.send("COUNTERS");
        String counters = server.await("COUNTERS", 120);
        long succeeded = Long.parseLong(ServerProcess.value(counters, "succeeded"));
        long inProgress = Long.parseLong(ServerProcess.value(counters, "inProgress"));
        if (succeeded != result.totalRoundTrips() || inProgress != 0) {
            return " counters: " + counters + " after " + result.totalRoundTrips() + " round trips";
        }
        return "";
    }

    private static double per1000(double cpuSeconds, long requests) {
        return requests == 0 ? Double.NaN : cpuSeconds / (requests / 1000.0);
    }

    private void table(List<Sample> samples, String store) {
        Map<Case, List<Sample>> byCase = new LinkedHashMap<>();
        for (Case point : Case.values()) {
            List<Sample> list = samples.stream().filter(s -> s.point() == point && s.store().equals(store)).toList();
            if (!list.isEmpty()) {
                byCase.put(point, list);
            }
        }
        System.out.printf(Locale.ROOT, "%n%s store, %d devices (in-process: %d threads); mean of %d repetitions, "
                + "spread min-max; CPU in s per 1,000 requests%n%n", store, devices,
                Math.min(devices, args.integer("inprocessThreads", 8)), args.integer("reps", 3));
        System.out.println("| case | round trips/s | spread | requests/s | p50 / p99 latency (ms) | server process "
                + "CPU | of it, bridge threads | broker CPU | generator CPU | of in-process | of HTTP |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        double inProcess = byCase.containsKey(Case.INPROCESS)
                ? mean(byCase.get(Case.INPROCESS), Sample::roundTripsPerSecond) : Double.NaN;
        double http = byCase.containsKey(Case.HTTP) ? mean(byCase.get(Case.HTTP), Sample::roundTripsPerSecond)
                : Double.NaN;
        byCase.forEach((point, list) -> {
            double mean = mean(list, Sample::roundTripsPerSecond);
            boolean problems = list.stream().anyMatch(s -> !s.problem().isEmpty());
            double broker = point == Case.EMBEDDED ? mean(list, s -> s.split().get(ThreadCpu.Group.BROKER))
                    : mean(list, Sample::externalBrokerCpu);
            System.out.printf(Locale.ROOT, "| %s%s | %,.0f | %,.0f-%,.0f | %,.0f | %s | %.4f | %s | %s | %s | %s | %s |%n",
                    point.label, problems ? " (see the run's lines)" : "", mean,
                    min(list, Sample::roundTripsPerSecond), max(list, Sample::roundTripsPerSecond),
                    mean(list, Sample::requestsPerSecond),
                    point == Case.INPROCESS ? "-" : String.format(Locale.ROOT, "%.2f / %.2f",
                            mean(list, s -> s.p50Micros()) / 1000, mean(list, s -> s.p99Micros()) / 1000),
                    mean(list, Sample::serverCpu), figure(mean(list, Sample::bridgeCpu)),
                    point == Case.EMBEDDED ? figure(broker) + " (in the server process)" : figure(broker),
                    figure(mean(list, Sample::generatorCpu)),
                    point == Case.INPROCESS ? "" : ratio(mean, inProcess),
                    point == Case.HTTP || point == Case.INPROCESS ? "" : ratio(mean, http));
        });
        for (Case point : List.of(Case.EMBEDDED, Case.EXTERNAL)) {
            List<Sample> list = byCase.get(point);
            if (list == null) {
                continue;
            }
            StringBuilder split = new StringBuilder();
            for (ThreadCpu.Group group : ThreadCpu.Group.values()) {
                split.append(String.format(Locale.ROOT, "%s%s %.4f", split.length() == 0 ? "" : ", ", group.label,
                        mean(list, s -> s.split().get(group))));
            }
            System.out.printf(Locale.ROOT, "%nserver CPU split, %s: %s%n", point.label, split);
        }
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String ratio(double value, double of) {
        return Double.isNaN(of) ? "-" : String.format(Locale.ROOT, "%.3f", value / of);
    }

    private static double mean(List<Sample> list, ToDoubleFunction<Sample> value) {
        return list.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static double min(List<Sample> list, ToDoubleFunction<Sample> value) {
        return list.stream().mapToDouble(value).min().orElse(Double.NaN);
    }

    private static double max(List<Sample> list, ToDoubleFunction<Sample> value) {
        return list.stream().mapToDouble(value).max().orElse(Double.NaN);
    }
}
