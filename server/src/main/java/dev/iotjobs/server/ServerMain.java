package dev.iotjobs.server;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The runnable {@code iot-jobs-server.jar}: {@code java -jar iot-jobs-server.jar [OPTIONS]} (see {@code --help}
 * and {@link ServerOptions}). It opens the store, starts the engine's due work and event relay and the HTTP
 * listeners, prints one line to stdout when it is ready, and logs to stderr.
 *
 * <p>SIGTERM or SIGINT starts the stop (a JVM shutdown hook): the listeners close, the requests under way are
 * answered, then the engine, the store and its pool close, and the process exits with 0 (1 if a step failed),
 * rather than the JVM's 143 or 130 for a signal: a drained stop is a clean one for supervisors. Other exit codes:
 * 0 after {@code --help}, 1 when the server cannot start, 2 for bad options or a bad credentials file.
 */
public final class ServerMain {
    /** A server that could not start, or did not stop cleanly. */
    static final int EXIT_FAILED = 1;
    /** Bad options, a bad credentials file (picocli's exit code for invalid input). */
    static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    private ServerMain() {
    }

    /**
     * Runs the server until SIGTERM or SIGINT.
     *
     * @param args the options; {@code --help} lists them
     * @throws InterruptedException never in practice: the main thread waits for the shutdown hook, which ends the
     *     process
     */
    public static void main(String[] args) throws InterruptedException {
        Started started = start(args, System.getenv(), System.out, System.err);
        if (started.server() == null) {
            System.exit(started.exitCode());
        }
        StandaloneServer server = started.server();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            org.slf4j.LoggerFactory.getLogger(ServerMain.class)
                    .info("stopping: no new connections, answering the requests under way");
            boolean clean = server.stop();
            System.out.flush();
            System.err.flush();
            // The JVM would exit with 128 + the signal; the stop is done and nothing else needs the hooks.
            Runtime.getRuntime().halt(clean ? 0 : EXIT_FAILED);
        }, "iotjobs-shutdown"));
        System.out.println(server.readyLine());
        System.out.flush();
        new CountDownLatch(1).await();   // the shutdown hook ends the process
    }

    /**
     * Everything up to a running server: the options, the log's level, the credentials, the store, the engine and
     * the listeners; what went wrong is printed on {@code err}.
     *
     * @param args the command line
     * @param environment the environment variables
     * @param out where {@code --help} goes
     * @param err where errors go
     * @return the running server, or the exit code when there is none (0 after {@code --help})
     */
    static Started start(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine commandLine = ServerOptions.commandLine(new ServerOptions(), environment)
                .setOut(new PrintWriter(out, true, Charset.defaultCharset()))
                .setErr(new PrintWriter(err, true, Charset.defaultCharset()));
        ServerOptions options;
        try {
            options = ServerOptions.parse(commandLine, args);
            if (options.helpRequested()) {
                commandLine.usage(commandLine.getOut());
                return new Started(null, CommandLine.ExitCode.OK);
            }
            Logs.configure(options.logLevel());   // before the first logger is made (the engine's, just below)
            try {
                StandaloneServer.checkEngineSettings(options);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(commandLine, "--region or --account-id: " + e.getMessage(), e);
            }
        } catch (ParameterException e) {
            // As picocli's default handler answers: the message, then suggestions or the usage, on err.
            PrintWriter usage = commandLine.getErr();
            usage.println(e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, usage)) {
                commandLine.usage(usage);
            }
            usage.flush();
            return new Started(null, EXIT_USAGE);
        }
        Map<String, String> credentials = null;
        if (options.auth() == ServerOptions.Auth.SIGV4) {
            try {
                credentials = CredentialsFile.read(options.credentials());
            } catch (CredentialsFile.InvalidCredentialsFile e) {
                err.println("iot-jobs-server: " + e.getMessage());
                return new Started(null, EXIT_USAGE);
            }
        }
        try {
            return new Started(StandaloneServer.start(options, credentials), 0);
        } catch (StartupFailure e) {
            err.println("iot-jobs-server: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(ServerMain.class).debug("cannot start", e);
            return new Started(null, EXIT_FAILED);
        } catch (RuntimeException e) {   // unforeseen: still one line, the stack trace at DEBUG
            err.println("iot-jobs-server: cannot start: " + StartupFailure.firstLine(e) + " (--log-level debug "
                    + "shows the stack trace)");
            org.slf4j.LoggerFactory.getLogger(ServerMain.class).debug("cannot start", e);
            return new Started(null, EXIT_FAILED);
        }
    }

    /**
     * @param server the running server, or null
     * @param exitCode the process's exit code when there is no server
     */
    record Started(StandaloneServer server, int exitCode) {
    }
}
