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
 * (due work and the event relay), the HTTP server, the MQTT side (the embedded broker or none, and the bridge).
 * {@link #close} stops them in the reverse order, but for the MQTT side, which stops after the HTTP server.
 */
final class StandaloneServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);

    private final StandaloneStore store;
    private final JobsEngine engine;
    private final JobsHttpServer http;
    private final StandaloneMqtt mqtt;
    private final String host;

    private StandaloneServer(StandaloneStore store, JobsEngine engine, JobsHttpServer http, StandaloneMqtt mqtt,
                             String host) {
        this.store = store;
        this.engine = engine;
        this.http = http;
        this.mqtt = mqtt;
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
     * @throws StartupFailure if the store cannot be opened, a port cannot be bound or the MQTT broker cannot be
     *     reached (nothing is left open)
     */
    static StandaloneServer start(ServerOptions options, Map<String, String> credentials) throws StartupFailure {
        StandaloneStore store = StandaloneStore.open(options);
        JobsEngine engine = null;
        JobsHttpServer server = null;
        StandaloneMqtt mqtt = null;
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
            // The bridge subscribes to the engine's events before its relay first runs: a relay with nobody
            // subscribed drops the stored events, and with them the notifications due since the last stop.
            mqtt = options.mqttOff() ? null : StandaloneMqtt.start(options, engine);
            engine.start();
            try {
                server = http.build().start();
            } catch (IllegalStateException e) {
                throw new StartupFailure(StartupFailure.firstLine(e) + "; stop what listens there or choose "
                        + (options.dataPort() == null ? "another --port (IOTJOBS_PORT)"
                                : "other --port and --data-port (IOTJOBS_PORT, IOTJOBS_DATA_PORT)")
                        + ", or check --host (IOTJOBS_HOST)", e);
            }
            return new StandaloneServer(store, engine, server, mqtt, options.host());
        } catch (StartupFailure | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (mqtt != null) {
                mqtt.close();
            }
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
     * @return the line printed when the server is ready, for example {@code iot-jobs-server listening on
     *     http://127.0.0.1:8080 (store: memory), MQTT on mqtt://127.0.0.1:1883 (embedded broker)}, with the bound
     *     ports
     */
    String readyLine() {
        String line = "iot-jobs-server listening on " + url(host, http.port()) + " (store: " + store.description()
                + ")";
        if (http.dataPort() >= 0) {
            line += ", data plane also on " + url(host, http.dataPort());
        }
        return mqtt == null ? line : line + ", MQTT on " + mqtt.description();
    }

    /** @return the embedded MQTT broker's port, or -1 when there is none */
    int mqttPort() {
        return mqtt == null ? -1 : mqtt.embeddedPort();
    }

    /** @return the embedded MQTT broker's TLS port, or -1 when there is none */
    int mqttTlsPort() {
        return mqtt == null ? -1 : mqtt.embeddedTlsPort();
    }

    private static String url(String host, int port) {
        return "http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Stops listening and answers the requests under way (HTTP, then MQTT: the bridge answers what it took, then
     * the embedded broker stops), then stops the engine's background thread, closes the store and its pool. Each step runs even if one before it failed.
     *
     * @return whether every step succeeded (failures are logged)
     */
    boolean stop() {
        List<Runnable> steps = new ArrayList<>(List.of(http::close));
        List<String> names = new ArrayList<>(List.of("the HTTP server"));
        if (mqtt != null) {
            steps.add(mqtt::close);
            names.add("MQTT");
        }
        steps.addAll(List.of(engine::close, store::close));
        names.addAll(List.of("the engine", "the store"));
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
