package dev.iotjobs.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints a line every period while a simulation runs: the seconds since the start, the phase's name, and what the
 * phase says about itself. A failing status line is printed as such and does not stop the reports.
 */
final class ProgressReporter implements AutoCloseable {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;
    private volatile String phase = "starting";
    private volatile Supplier<String> status = () -> "";

    /**
     * @param out where the lines go
     * @param period how often (zero or negative: never, for tests)
     */
    ProgressReporter(PrintStream out, Duration period) {
        this.out = out;
        if (period.isZero() || period.isNegative()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fleet-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::report, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param name the phase now running
     * @param statusLine tells the phase's progress, called on the reporter's thread
     */
    void phase(String name, Supplier<String> statusLine) {
        this.status = statusLine;
        this.phase = name;
    }

    /** @return seconds since this reporter started */
    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void report() {
        String line;
        try {
            line = status.get();
        } catch (RuntimeException e) {
            line = "(status unavailable: " + e + ")";
        }
        out.printf("  [%7.1f s] %-10s %s%n", elapsedSeconds(), phase, line);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
