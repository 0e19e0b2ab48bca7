package dev.iotjobs.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code java -jar iot-jobs-server.jar ...} as a child process, its stdout and stderr collected line by line. */
final class JarProcess implements AutoCloseable {
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        collect(process.getInputStream(), out, "stdout");
        collect(process.getErrorStream(), err, "stderr");
    }

    /**
     * @param workingDirectory the process's working directory
     * @param environment variables to add (the test's own IOTJOBS_* are removed first)
     * @param args the server's options
     * @return the started process
     */
    static JarProcess start(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("IOTJOBS_"));
        builder.environment().putAll(environment);
        return new JarProcess(builder.start());
    }

    /** @return the runnable jar that failsafe names (the build packages it before integration-test) */
    static Path jar() {
        String jar = System.getProperty("iotjobs.serverJar");
        return jar != null ? Path.of(jar) : Path.of("target", "iot-jobs-server.jar").toAbsolutePath();
    }

    /**
     * @param matching what the line looks like
     * @param timeout how long to wait
     * @return the first stdout line matching
     * @throws AssertionError if none came in time (with both outputs), or the process ended first
     */
    String awaitOut(Predicate<String> matching, Duration timeout) throws InterruptedException {
        return await(out, matching, timeout, "stdout");
    }

    /** As {@link #awaitOut}, on stderr. */
    String awaitErr(Predicate<String> matching, Duration timeout) throws InterruptedException {
        return await(err, matching, timeout, "stderr");
    }

    private String await(List<String> lines, Predicate<String> matching, Duration timeout, String name)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (matching.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && streamsDone(lines)) {
                    throw new AssertionError("no such line on " + name + " within " + timeout + "; stdout: "
                            + out() + " stderr: " + err());
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            }
        }
    }

    private boolean streamsDone(List<String> lines) {
        return lines.contains(null);
    }

    /**
     * Sends SIGTERM and waits for the exit. {@code toHandle().destroy()} sends SIGTERM on Linux as
     * {@link Process#destroy} does, but leaves our ends of the process's pipes open: its last lines are read.
     *
     * @return the exit code
     */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    /** @return the exit code, once the process ended by itself (within 60 s) */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not exit within 60 s; stdout: " + out() + " stderr: " + err());
        }
        int code = process.exitValue();
        drained(out);
        drained(err);
        return code;
    }

    /** @return the process's id */
    long pid() {
        return process.pid();
    }

    /** @return stdout's lines so far */
    List<String> out() {
        return lines(out);
    }

    /** @return stderr's lines so far */
    List<String> err() {
        return lines(err);
    }

    private static List<String> lines(List<String> lines) {
        synchronized (lines) {
            return lines.stream().filter(line -> line != null).toList();
        }
    }

    /** Kills the process if it still runs (a failed test). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void drained(List<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (lines) {
            while (!lines.contains(null) && System.nanoTime() < deadline) {
                lines.wait(100);
            }
        }
    }

    private static void collect(InputStream stream, List<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    add(lines, line);
                }
            } catch (IOException e) {
                add(lines, "(" + name + " unreadable: " + e + ")");
            }
            add(lines, null);   // the end
        }, "jar-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private static void add(List<String> lines, String line) {
        synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
        }
    }
}
