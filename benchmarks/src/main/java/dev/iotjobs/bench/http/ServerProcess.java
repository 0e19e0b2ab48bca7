package dev.iotjobs.bench.http;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bench server ({@link BenchServer} or another main) in a child JVM on this JVM's class path: its stdout read
 * line by line, its stderr appended to a log file, stopped by closing its stdin (killed if it does not exit).
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /**
     * @param jvmArgs the child's JVM options
     * @param args the {@link BenchServer}'s arguments
     * @param log where its stderr goes (appended)
     * @throws IOException if it cannot start
     */
    ServerProcess(List<String> jvmArgs, List<String> args, File log) throws IOException {
        this(BenchServer.class, jvmArgs, args, log);
    }

    /**
     * @param main the child's main class
     * @param jvmArgs the child's JVM options
     * @param args its arguments
     * @param log where its stderr goes (appended)
     * @throws IOException if it cannot start
     */
    public ServerProcess(Class<?> main, List<String> jvmArgs, List<String> args, File log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("EXIT " + e);
            }
            lines.add("EXIT");
        }, "bench-server-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the process, for its CPU time */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * @param prefix what the line starts with ({@code READY}, {@code RESULT}, {@code COUNTERS})
     * @param seconds how long to wait
     * @return the rest of the first line with that prefix
     * @throws IllegalStateException if the process ended or timed out first
     */
    public String await(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("no " + prefix + " from the bench server in " + seconds + " s");
            }
            if (line.startsWith(prefix + " ")) {
                return line.substring(prefix.length() + 1);
            }
            if (line.startsWith("EXIT")) {
                throw new IllegalStateException("the bench server ended before " + prefix + " (see its log)");
            }
        }
    }

    /** @param line a command for the server's stdin */
    public void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Closes its stdin, waits up to 30 s for it to end, then kills it. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // It ended already.
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * @param line {@code key=value} pairs separated by spaces
     * @param key a key
     * @return its value
     */
    public static String value(String line, String key) {
        for (String pair : line.split(" ")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + " in \"" + line + "\"");
    }
}
