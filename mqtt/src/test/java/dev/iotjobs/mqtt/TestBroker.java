package dev.iotjobs.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;

/**
 * A Moquette broker in the JVM for the tests, in memory, on a free local port that stays the same across
 * {@link #stop()} and {@link #start()} (so a bridge can reconnect to it).
 */
final class TestBroker implements AutoCloseable {
    private final int port;
    private Server server;

    TestBroker() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    /** Starts the broker (again): an empty one, as after a restart. */
    synchronized void start() {
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("netty.mqtt.message_size", Integer.toString(4 * 1024 * 1024));
        properties.setProperty("buffer_flush_millis", "0");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("data_path", System.getProperty("java.io.tmpdir") + "/iotjobs-moquette-" + port);
        Server started = new Server();
        try {
            started.startServer(new MemoryConfig(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = started;
    }

    /** Stops the broker: every client loses its connection. */
    synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    /** @return {@code tcp://127.0.0.1:PORT} */
    URI uri() {
        return URI.create("tcp://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
