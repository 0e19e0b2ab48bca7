package dev.iotjobs.bench.mqtt;

import dev.iotjobs.bench.http.HttpLoadGenerator;
import dev.iotjobs.bench.http.LatencyHistogram;
import dev.iotjobs.bench.http.LoadResult;
import dev.iotjobs.bench.http.ProcessCpu;
import dev.iotjobs.bench.http.RoundTripTally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives the AWS IoT Jobs MQTT device protocol through any broker with N simulated devices ({@link MqttDevice}: one
 * HiveMQ client connection each, one thing each), each looping start-next then update to SUCCEEDED; a warm-up once
 * all are connected and subscribed, then a measured window, then each device finishes the round trip it is in. The
 * counts and latencies are those of {@link HttpLoadGenerator}'s {@link LoadResult}: a call is one request answered
 * (accepted or rejected), a round trip a start-next that started an execution and its accepted update.
 */
public final class MqttLoadGenerator {
    private static final long CONNECT_SECONDS = 60;
    private static final long DRAIN_SECONDS = 30;

    private MqttLoadGenerator() {
    }

    /**
     * What to drive.
     *
     * @param host the broker's host
     * @param port its port
     * @param things one device per thing, the thing name its client id
     * @param warmup how long to run before the window
     * @param measured the measured window
     */
    public record Options(String host, int port, List<String> things, Duration warmup, Duration measured) {
        /** Copies the things. */
        public Options {
            if (things.isEmpty()) {
                throw new IllegalArgumentException("need at least one device");
            }
            things = List.copyOf(things);
        }
    }

    /** The run's phase, shared by its devices. */
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
     * Connects the devices, runs the load, disconnects them and returns what it measured.
     *
     * @param options what to drive
     * @param window told when the measured window opens and closes
     * @return the counts; {@code failedConnections} counts devices that could not connect, stopped early or did not
     *     finish within 30 s of the window's close
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if no device could connect and subscribe within a minute
     */
    public static LoadResult run(Options options, HttpLoadGenerator.Window window) throws InterruptedException {
        Phase phase = new Phase();
        CountDownLatch ended = new CountDownLatch(options.things().size());
        List<MqttDevice> devices = new ArrayList<>();
        for (String thing : options.things()) {
            devices.add(new MqttDevice(options.host(), options.port(), thing, phase, ended));
        }
        try {
            List<CompletableFuture<Void>> connected = devices.stream().map(MqttDevice::connect).toList();
            int failedToConnect = awaitConnected(connected);
            if (failedToConnect == devices.size()) {
                throw new IllegalStateException("no device could connect to the broker at " + options.host() + ":"
                        + options.port());
            }
            for (int i = 0; i < devices.size(); i++) {
                if (connected.get(i).isCompletedExceptionally()) {
                    devices.get(i).abandon("it could not connect and subscribe");
                } else {
                    devices.get(i).begin();
                }
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
            if (!ended.await(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("mqtt load generator: " + devices.stream().filter(d -> !d.isDone()).count()
                        + " devices still waiting for an answer " + DRAIN_SECONDS + " s after the window");
            }
            LatencyHistogram latencies = new LatencyHistogram();
            RoundTripTally sum = new RoundTripTally();
            int failed = 0;
            long strays = 0;
            for (MqttDevice device : devices) {
                synchronized (device) {
                    latencies.add(device.latencies);
                    sum.add(device.tally);
                    failed += device.failure != null || !device.isDone() ? 1 : 0;
                    strays += device.strays;
                }
            }
            if (strays > 0) {
                System.err.println("mqtt load generator: " + strays + " answers carried a clientToken no device "
                        + "was waiting for");
            }
            return new LoadResult(devices.size(), (closed - opened) / 1e9, sum.roundTrips, sum.calls, sum.errors,
                    sum.empty, latencies.percentileMicros(0.5), latencies.percentileMicros(0.99),
                    sum.totalRoundTrips, sum.totalErrors, failed, generatorCpu);
        } finally {
            CompletableFuture.allOf(devices.stream().map(MqttDevice::disconnect).toArray(CompletableFuture[]::new))
                    .completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        }
    }

    /** @return how many devices failed to connect and subscribe (each says why) */
    private static int awaitConnected(List<CompletableFuture<Void>> connected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_SECONDS);
        int failed = 0;
        for (CompletableFuture<Void> future : connected) {
            try {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                future.completeExceptionally(e);
                if (failed++ < 3) {
                    System.err.println("mqtt load generator: a device could not connect and subscribe: "
                            + (e.getCause() == null ? e : e.getCause()));
                }
            }
        }
        return failed;
    }
}
