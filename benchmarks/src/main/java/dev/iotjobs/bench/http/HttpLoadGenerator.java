package dev.iotjobs.bench.http;

import dev.iotjobs.bench.Fleet;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drives any AWS-compatible IoT Jobs data-plane endpoint with the device round trip (StartNext, then
 * UpdateJobExecution to SUCCEEDED) over N keep-alive HTTP/1.1 connections, each one device loop over its own slice
 * of the things, one request at a time; a warm-up, then a measured window, then each device finishes the round
 * trip it is in. Netty's HTTP client codec on a few event-loop threads: its ceiling against a trivial endpoint is
 * what {@code HttpServerBenchmark} reports first.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.iotjobs.bench.http.HttpLoadGenerator \
 *     url=http://127.0.0.1:8081 connections=32 warmup=5 seconds=15 things=device:20000
 * </pre>
 *
 * Keys: {@code url} (the endpoint, default {@code http://127.0.0.1:8080}), {@code connections} (default 8),
 * {@code warmup} and {@code seconds} (default 5 and 15), {@code things} ({@code prefix:count}, names
 * {@code prefix-000000} on, default {@code device:20000}), {@code ioThreads} (default 1), {@code signed} ({@code
 * true} adds an {@code iot-jobs-data} SigV4 {@code Authorization} header, whose signature servers that do not check
 * ignore: for a shared port that routes by credential scope).
 */
public final class HttpLoadGenerator {
    /** An unchecked SigV4 header whose credential scope names the data plane. */
    public static final String DATA_PLANE_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/"
            + "iot-jobs-data/aws4_request, SignedHeaders=host, Signature=00";

    private HttpLoadGenerator() {
    }

    /**
     * What to drive.
     *
     * @param base the endpoint ({@code http://host:port}; a path is ignored)
     * @param connections how many connections, each one device loop
     * @param warmup how long to run before the window
     * @param measured the measured window
     * @param things the thing names to cut into one slice per connection (at least one per connection)
     * @param ioThreads the generator's event-loop threads
     * @param headers headers added to every request
     */
    public record Options(URI base, int connections, Duration warmup, Duration measured, List<String> things,
                          int ioThreads, Map<String, String> headers) {
        /** Checks the numbers. */
        public Options {
            Objects.requireNonNull(base, "base");
            if (connections < 1 || ioThreads < 1 || things.size() < connections) {
                throw new IllegalArgumentException("need at least one connection, one thread and one thing per "
                        + "connection: " + connections + " connections, " + ioThreads + " threads, "
                        + things.size() + " things");
            }
            things = List.copyOf(things);
            headers = Map.copyOf(headers);
        }
    }

    /** Told when the measured window opens and closes, for samples taken at those instants (CPU time). */
    public interface Window {
        /** The window opened. */
        void opened();

        /** The window closed. */
        void closed();

        /** A window that samples nothing. */
        Window NONE = new Window() {
            @Override
            public void opened() {
            }

            @Override
            public void closed() {
            }
        };
    }

    /** The run's phase, shared by its connections. */
    static final class Phase {
        private static final int WARMUP = 0;
        private static final int MEASURING = 1;
        private static final int STOPPING = 2;
        private volatile int phase = WARMUP;

        boolean measuring() {
            return phase == MEASURING;
        }

        boolean stopping() {
            return phase == STOPPING;
        }
    }

    /**
     * Runs the load and returns what it measured.
     *
     * @param options what to drive
     * @param window told when the measured window opens and closes
     * @return the counts
     * @throws InterruptedException if interrupted while waiting
     */
    public static LoadResult run(Options options, Window window) throws InterruptedException {
        Phase phase = new Phase();
        int port = options.base().getPort() < 0 ? 80 : options.base().getPort();
        String host = options.base().getHost();
        String hostHeader = host + ":" + port;
        CountDownLatch ended = new CountDownLatch(options.connections());
        List<DeviceLoop> loops = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.ioThreads(), NioIoHandler.newFactory());
        try {
            for (int c = 0; c < options.connections(); c++) {
                List<String> slice = new ArrayList<>();
                for (int i = c; i < options.things().size(); i += options.connections()) {
                    slice.add(options.things().get(i));
                }
                DeviceLoop loop = new DeviceLoop(phase, hostHeader, options.headers(), slice, ended);
                loops.add(loop);
                Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel channel) {
                                channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                        loop);
                            }
                        });
                channels.add(bootstrap.connect(host, port).sync().channel());
            }
            Thread.sleep(options.warmup().toMillis());
            long opened = System.nanoTime();
            double cpuBefore = ProcessCpu.seconds(ProcessHandle.current());
            phase.phase = Phase.MEASURING;
            window.opened();
            Thread.sleep(options.measured().toMillis());
            phase.phase = Phase.STOPPING;
            long closed = System.nanoTime();
            window.closed();
            double generatorCpu = ProcessCpu.seconds(ProcessHandle.current()) - cpuBefore;
            if (!ended.await(30, TimeUnit.SECONDS)) {
                System.err.println("load generator: connections still busy 30 s after the window; closing them");
                channels.forEach(Channel::close);
                ended.await(10, TimeUnit.SECONDS);
            }
            LatencyHistogram latencies = new LatencyHistogram();
            RoundTripTally sum = new RoundTripTally();
            int failed = 0;
            for (DeviceLoop loop : loops) {
                latencies.add(loop.latencies);
                sum.add(loop.tally);
                failed += loop.failed ? 1 : 0;
            }
            return new LoadResult(options.connections(), (closed - opened) / 1e9, sum.roundTrips, sum.calls,
                    sum.errors, sum.empty, latencies.percentileMicros(0.5), latencies.percentileMicros(0.99),
                    sum.totalRoundTrips, sum.totalErrors, failed, generatorCpu);
        } finally {
            channels.forEach(Channel::close);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    /**
     * Runs the generator from the command line and prints its result.
     *
     * @param args {@code key=value} arguments (see the class comment)
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Args parsed = Args.parse(args, "url", "connections", "warmup", "seconds", "things", "ioThreads", "signed");
        String[] things = parsed.string("things", "device:20000").split(":");
        Options options = new Options(URI.create(parsed.string("url", "http://127.0.0.1:8080")),
                parsed.integer("connections", 8), Duration.ofMillis((long) (parsed.number("warmup", 5) * 1000)),
                Duration.ofMillis((long) (parsed.number("seconds", 15) * 1000)),
                Fleet.thingNames(things[0], 0, Integer.parseInt(things[1])), parsed.integer("ioThreads", 1),
                parsed.bool("signed", false) ? Map.of("Authorization", DATA_PLANE_AUTHORIZATION) : Map.of());
        System.out.println(run(options, Window.NONE));
    }
}
