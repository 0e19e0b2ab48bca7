package dev.iotjobs.server;

import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone server's parts and their order: the store (and its pool), the engine with its background thread
 * (due work and the event relay), the HTTP server. {@link #close} stops them in the reverse order.
 */
final class StandaloneServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);

    private final StandaloneStore store;
    private final JobsEngine engine;
    private final JobsHttpServer http;
    private final String host;

    private StandaloneServer(StandaloneStore store, JobsEngine engine, JobsHttpServer http, String host) {
        this.store = store;
        this.engine = engine;
        this.http = http;
        this.host = host;
    }

    /**
     * The engine's settings, checked on their own before anything is opened (the engine's rules, one place).
     *
     * @param options the options
     * @throws IllegalArgumentException naming the setting at fault
     */
    static void checkEngineSettings(ServerOptions options) {
        engineBuilder(options).repository(new InMemoryJobRepository()).build();
    }

    /**
     * Opens the store, starts the engine's background thread and the listeners.
     *
     * @param options the options
     * @param credentials the secret of each access key id that may sign, or null when signatures are not checked
     * @return the running server
     * @throws StartupFailure if the store cannot be opened or a port cannot be bound (nothing is left open)
     */
    static StandaloneServer start(ServerOptions options, Map<String, String> credentials) throws StartupFailure {
        StandaloneStore store = StandaloneStore.open(options);
        JobsEngine engine = null;
        try {
            engine = engineBuilder(options).repository(store.repository()).build();
            JobsHttpServer.Builder http = JobsHttpServer.builder(engine).host(options.host()).port(options.port());
            if (options.dataPort() != null) {
                http.dataPort(options.dataPort());
            }
            if (credentials != null) {
                http.sigV4Credentials(credentials);
            }
            if (options.endpointAddress() != null) {
                http.endpointAddress(options.endpointAddress());
            }
            engine.start();
            JobsHttpServer server;
            try {
                server = http.build().start();
            } catch (IllegalStateException e) {
                throw new StartupFailure(StartupFailure.firstLine(e) + "; stop what listens there or choose "
                        + (options.dataPort() == null ? "another --port (IOTJOBS_PORT)"
                                : "other --port and --data-port (IOTJOBS_PORT, IOTJOBS_DATA_PORT)")
                        + ", or check --host (IOTJOBS_HOST)", e);
            }
            return new StandaloneServer(store, engine, server, options.host());
        } catch (StartupFailure | RuntimeException e) {
            if (engine != null) {
                engine.close();
            }
            store.close();
            throw e;
        }
    }

    private static JobsEngine.Builder engineBuilder(ServerOptions options) {
        JobsEngine.Builder engine = JobsEngine.builder().region(options.region()).accountId(options.accountId());
        if (options.nodeId() != null) {
            engine.nodeId(options.nodeId());
        }
        return engine;
    }

    /**
     * @return the line printed when the server is ready, for example
     *     {@code iot-jobs-server listening on http://127.0.0.1:8080 (store: memory)}, with the bound ports
     */
    String readyLine() {
        String line = "iot-jobs-server listening on " + url(host, http.port()) + " (store: " + store.description()
                + ")";
        return http.dataPort() < 0 ? line : line + ", data plane also on " + url(host, http.dataPort());
    }

    private static String url(String host, int port) {
        return "http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Stops listening and answers the requests under way, then stops the engine's background thread, closes the
     * store and its pool. Each step runs even if one before it failed.
     *
     * @return whether every step succeeded (failures are logged)
     */
    boolean stop() {
        List<Runnable> steps = List.of(http::close, engine::close, store::close);
        List<String> names = List.of("the HTTP server", "the engine", "the store");
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            try {
                steps.get(i).run();
            } catch (RuntimeException e) {
                failed.add(names.get(i));
                LOG.error("cannot close {}: {}", names.get(i), e.toString());
                LOG.debug("closing {} failed", names.get(i), e);
            }
        }
        return failed.isEmpty();
    }

    /** {@link #stop}, for try-with-resources. */
    @Override
    public void close() {
        stop();
    }
}
