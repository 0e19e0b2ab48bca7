package dev.iotjobs.bench.http;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The HTTP server benchmark, in one run: the load generator's ceiling against a trivial endpoint; JobsHttpServer
 * (Netty) and the same {@code JobsWire} over Undertow, Jetty 12, Vert.x and the JDK's server, on the memory store;
 * JobsHttpServer on an H2 file store; and the in-process engine round trip on both stores with as many threads as
 * connections. Every point is a fresh {@link BenchServer} child JVM (store, engine, things and enough QUEUED
 * executions for the run), driven by {@link HttpLoadGenerator} in this JVM; the server's CPU seconds per 1,000
 * calls come from its process's CPU time over the measured window. Repetitions interleave the points (each
 * repetition starts the list at another point), so that a busy spell of the shared machine does not fall on one
 * point only; tables give the mean over repetitions and the spread (min-max).
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar dev.iotjobs.bench.http.HttpServerBenchmark
 * </pre>
 *
 * Keys (defaults): {@code connections} (8,32), {@code warmup} (20: on two shared cores the servers' C2 compiler
 * is still busy after 10 s) and {@code seconds} (10) per point, {@code inprocessWarmup} (8) and {@code inprocessSeconds} (5) for the in-process
 * points (less code to compile, and each of their round trips needs a QUEUED execution held in memory), {@code reps}
 * (3), {@code servers} on the memory store (netty,netty-thin,undertow,jetty,vertx,jdk; netty is JobsHttpServer,
 * netty-thin the same wire over bare Netty), {@code h2Servers} (netty),
 * {@code ceiling} (true), {@code inprocess} (true), {@code memoryThings} (20000), {@code h2Things} (5000), the
 * round trips/s each kind of point is supplied for: {@code memoryRate} (15000), {@code h2Rate} (2000),
 * {@code inprocessRate} (70000, memory; H2 in-process uses h2Rate); {@code handlerThreads} (16), {@code ioThreads}
 * (the generator's event loops, 1), {@code serverJvm} (the child's JVM options, space-separated, "-Xms4g -Xmx4g"),
 * {@code log} (the children's stderr, http-bench-servers.log in the temp directory).
 */
public final class HttpServerBenchmark {
    private final Args args;
    private final int warmup;
    private final int seconds;
    private final File log;
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

    private HttpServerBenchmark(Args args) {
        this.args = args;
        this.warmup = args.integer("warmup", 20);
        this.seconds = args.integer("seconds", 10);
        this.log = new File(args.string("log",
                new File(System.getProperty("java.io.tmpdir"), "http-bench-servers.log").getPath()));
    }

    /**
     * @param argv {@code key=value} arguments (see the class comment)
     * @throws Exception if a point cannot run
     */
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, "connections", "warmup", "seconds", "reps", "servers", "h2Servers", "ceiling",
                "inprocess", "memoryThings", "h2Things", "memoryRate", "h2Rate", "inprocessRate", "inprocessWarmup", "inprocessSeconds", "handlerThreads",
                "ioThreads", "serverJvm", "log");
        new HttpServerBenchmark(args).run();
    }

    /** One configuration measured: what serves, on which store. */
    private record Point(String name, String http, String store, boolean inProcess) {
    }

    /** One repetition of one point. */
    private record Sample(double roundTripsPerSecond, double callsPerSecond, long p50Micros, long p99Micros,
                          double serverCpuPer1000, double generatorCpuPer1000, long errors, long empty,
                          String problem) {
    }

    private void run() throws Exception {
        List<Point> points = new ArrayList<>();
        if (args.bool("ceiling", true)) {
            points.add(new Point("ceiling: trivial endpoint", "trivial", "none", false));
        }
        for (String http : args.list("servers", "netty,netty-thin,undertow,jetty,vertx,jdk")) {
            points.add(new Point(http + " / memory", http, "memory", false));
        }
        for (String http : args.list("h2Servers", "netty")) {
            points.add(new Point(http + " / h2", http, "h2", false));
        }
        if (args.bool("inprocess", true)) {
            points.add(new Point("in-process / memory", null, "memory", true));
            points.add(new Point("in-process / h2", null, "h2", true));
        }
        List<Integer> connections = args.list("connections", "8,32").stream().map(Integer::parseInt).toList();
        int reps = args.integer("reps", 3);
        System.out.printf(Locale.ROOT, "HTTP server benchmark: %d points x %s connections x %d repetitions, %d s "
                + "warm-up + %d s measured each; servers' stderr in %s%n", points.size(), connections, reps, warmup,
                seconds, log);
        warmUpTheGenerator(connections.get(connections.size() - 1));
        for (int rep = 0; rep < reps; rep++) {
            List<Point> order = new ArrayList<>(points);
            Collections.rotate(order, -rep * Math.max(1, points.size() / reps));
            for (int count : connections) {
                for (Point point : order) {
                    Sample sample = point.inProcess() ? inProcess(point, count) : overHttp(point, count);
                    samples.computeIfAbsent(key(point, count), k -> new ArrayList<>()).add(sample);
                    System.out.printf(Locale.ROOT, "rep %d, %d connections, %-26s %8.0f round trips/s %8.0f calls/s "
                                    + "p50 %6d us p99 %6d us server CPU %.4f s/1000 calls%s%n", rep + 1, count,
                            point.name(), sample.roundTripsPerSecond(), sample.callsPerSecond(), sample.p50Micros(),
                            sample.p99Micros(), sample.serverCpuPer1000(),
                            sample.problem().isEmpty() ? "" : "  (" + sample.problem() + ")");
                }
            }
        }
        for (int count : connections) {
            table(points, count);
        }
    }

    /** Untimed: the generator's own JIT warm-up, against a trivial endpoint in this JVM, before the first point. */
    private void warmUpTheGenerator(int connections) throws InterruptedException {
        try (TrivialHttpServer trivial = new TrivialHttpServer("127.0.0.1", 0)) {
            LoadResult result = HttpLoadGenerator.run(new HttpLoadGenerator.Options(
                    URI.create("http://127.0.0.1:" + trivial.port()), connections, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(1), DeviceSupply.thingNames(1_000), args.integer("ioThreads", 1), Map.of()),
                    HttpLoadGenerator.Window.NONE);
            System.out.printf(Locale.ROOT, "generator warm-up (trivial endpoint in this JVM): %.0f calls/s%n",
                    result.callsPerSecond());
        }
    }

    private static String key(Point point, int connections) {
        return point.name() + "@" + connections;
    }

    private int things(String store) {
        return store.equals("h2") ? args.integer("h2Things", 5_000) : args.integer("memoryThings", 20_000);
    }

    /** Enough jobs on all things for the point's expected rate over warm-up, window and drain, with 30% to spare. */
    private int jobs(Point point) {
        double rate = point.store().equals("h2") ? args.number("h2Rate", 2_000)
                : point.inProcess() ? args.number("inprocessRate", 70_000) : args.number("memoryRate", 15_000);
        double runSeconds = point.inProcess() ? inprocessWarmup() + inprocessSeconds() : warmup + seconds;
        return (int) Math.ceil(rate * (runSeconds + 2) * 1.3 / things(point.store()));
    }

    private int inprocessWarmup() {
        return args.integer("inprocessWarmup", 8);
    }

    private int inprocessSeconds() {
        return args.integer("inprocessSeconds", 5);
    }

    private List<String> serverJvm() {
        return Arrays.asList(args.string("serverJvm", "-Xms4g -Xmx4g").trim().split("\\s+"));
    }

    private List<String> serverArgs(Point point) {
        List<String> list = new ArrayList<>();
        list.add("http=" + (point.http() == null ? "netty" : point.http()));
        if (!point.store().equals("none")) {
            list.add("store=" + point.store());
            list.add("things=" + things(point.store()));
            list.add("jobs=" + jobs(point));
        }
        list.add("handlerThreads=" + args.integer("handlerThreads", 16));
        return list;
    }

    private Sample overHttp(Point point, int connections) throws Exception {
        try (ServerProcess server = new ServerProcess(serverJvm(), serverArgs(point), log)) {
            int port = Integer.parseInt(ServerProcess.value(server.await("READY", 600), "port"));
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
            int things = point.store().equals("none") ? 1_000 : things(point.store());
            LoadResult result = HttpLoadGenerator.run(new HttpLoadGenerator.Options(
                    URI.create("http://127.0.0.1:" + port), connections, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(seconds), DeviceSupply.thingNames(things), args.integer("ioThreads", 1),
                    Map.of()), window);
            String problem = problems(result.errors(), result.empty(), result.failedConnections());
            if (!point.store().equals("none")) {
                server.send("COUNTERS");
                String counters = server.await("COUNTERS", 120);
                long succeeded = Long.parseLong(ServerProcess.value(counters, "succeeded"));
                long inProgress = Long.parseLong(ServerProcess.value(counters, "inProgress"));
                if (succeeded != result.totalRoundTrips() || inProgress != 0) {
                    problem += " counters: " + counters + " after " + result.totalRoundTrips() + " round trips";
                }
            }
            return new Sample(result.roundTripsPerSecond(), result.callsPerSecond(), result.p50Micros(),
                    result.p99Micros(), per1000(cpu[1] - cpu[0], result.calls()),
                    per1000(result.generatorCpuSeconds(), result.calls()), result.errors(), result.empty(),
                    problem.trim());
        }
    }

    private Sample inProcess(Point point, int threads) throws Exception {
        List<String> list = new ArrayList<>(serverArgs(point));
        list.addAll(List.of("serve=inprocess", "threads=" + threads, "warmup=" + inprocessWarmup(),
                "seconds=" + inprocessSeconds()));
        try (ServerProcess server = new ServerProcess(serverJvm(), list, log)) {
            String line = server.await("RESULT", 900 + inprocessWarmup() + inprocessSeconds());
            long roundTrips = Long.parseLong(ServerProcess.value(line, "roundTrips"));
            long calls = Long.parseLong(ServerProcess.value(line, "calls"));
            double window = Double.parseDouble(ServerProcess.value(line, "seconds"));
            long errors = Long.parseLong(ServerProcess.value(line, "errors"));
            long empty = Long.parseLong(ServerProcess.value(line, "empty"));
            return new Sample(roundTrips / window, calls / window, 0, 0,
                    per1000(Double.parseDouble(ServerProcess.value(line, "cpuSeconds")), calls), 0, errors, empty,
                    problems(errors, empty, 0).trim());
        }
    }

    private static String problems(long errors, long empty, int failedConnections) {
        String problem = "";
        if (errors > 0) {
            problem += " " + errors + " errors";
        }
        if (empty > 0) {
            problem += " " + empty + " StartNext found nothing pending (supply too small: raise the rate keys)";
        }
        if (failedConnections > 0) {
            problem += " " + failedConnections + " connections failed";
        }
        return problem;
    }

    private static double per1000(double cpuSeconds, long calls) {
        return calls == 0 ? 0 : cpuSeconds / (calls / 1000.0);
    }

    private void table(List<Point> points, int connections) {
        System.out.printf(Locale.ROOT, "%n%d connections (in-process: %d threads); mean of %s repetitions, "
                + "spread min-max%n%n", connections, connections, args.integer("reps", 3));
        System.out.println("| what | round trips/s | spread | calls/s | p50 / p99 latency (ms) | server CPU s per "
                + "1,000 calls | generator CPU s per 1,000 calls | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        double ceiling = mean(samples.get(key(points.get(0), connections)), Sample::roundTripsPerSecond);
        for (Point point : points) {
            List<Sample> list = samples.get(key(point, connections));
            double mean = mean(list, Sample::roundTripsPerSecond);
            String ratio = "";
            if (!point.inProcess() && !point.store().equals("none") && points.get(0).store().equals("none")) {
                ratio = String.format(Locale.ROOT, "%.2f of the ceiling", mean / ceiling);
            }
            List<Sample> engine = samples.get("in-process / " + point.store() + "@" + connections);
            if (!point.inProcess() && engine != null) {
                ratio += String.format(Locale.ROOT, "%s%.3f of in-process", ratio.isEmpty() ? "" : "; ",
                        mean / mean(engine, Sample::roundTripsPerSecond));
            }
            boolean problems = list.stream().anyMatch(s -> !s.problem().isEmpty());
            System.out.printf(Locale.ROOT, "| %s%s | %,.0f | %,.0f-%,.0f | %,.0f | %s | %.4f | %s | %s |%n",
                    point.name(), problems ? " (see the run's lines)" : "", mean,
                    min(list, Sample::roundTripsPerSecond), max(list, Sample::roundTripsPerSecond),
                    mean(list, Sample::callsPerSecond),
                    point.inProcess() ? "-" : String.format(Locale.ROOT, "%.2f / %.2f",
                            mean(list, s -> s.p50Micros()) / 1000, mean(list, s -> s.p99Micros()) / 1000),
                    mean(list, Sample::serverCpuPer1000),
                    point.inProcess() ? "-" : String.format(Locale.ROOT, "%.4f",
                            mean(list, Sample::generatorCpuPer1000)), ratio);
        }
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
