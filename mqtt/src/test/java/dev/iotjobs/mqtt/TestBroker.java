package dev.iotjobs.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;

/**
 * The embedded broker for the tests, on a free local port that stays the same across {@link #stop()} and
 * {@link #start()} (so a bridge can reconnect to it), taking messages up to 4 MiB (so that the bridge, not the
 * broker, is what refuses a 1 MB payload).
 */
final class TestBroker implements AutoCloseable {
    private final int port;
    private EmbeddedMqttBroker broker;

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
        broker = EmbeddedMqttBroker.builder().port(port).maxMessageBytes(4 * 1024 * 1024).build().start();
    }

    /** Stops the broker: every client loses its connection. */
    synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
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
