package dev.iotjobs.mqtt;

import java.util.Objects;

/**
 * An MQTT broker inside this JVM (Moquette 0.17): the server's default single-machine broker and the tests' broker.
 *
 * <p>It keeps everything in memory (no files are written), listens on plain TCP only (no TLS, no websockets) and
 * runs none of Moquette's side services (metrics, error reporting, telemetry). Every client may publish and
 * subscribe to every topic, {@code $aws/things/{thingName}/jobs/...} included; with {@link Builder#credentials}
 * a client must also present that username and password.
 *
 * <p><b>MQTT 3.1.1 only</b>: Moquette refuses an MQTT 5 CONNECT (return code 1, unacceptable protocol version), so
 * the bridge and the devices must connect with MQTT 3.1.1 (or 3.1). It has no shared subscriptions
 * ({@code $share/...}): several engine nodes (SPEC W6) need an external broker. A message larger than
 * {@link Builder#maxMessageBytes} closes the sender's connection.
 *
 * <p>Moquette is an {@code optional} dependency of this module: add {@code io.moquette:moquette-broker} (its version
 * and exclusions come from the parent pom) to use this class; a bridge to an external broker does not need it.
 *
 * <p>Moquette logs its start and stop at INFO under the logger {@value #LOGGER_NAME}; a host that prints only its
 * own ready line sets that logger to WARN (the server does).
 *
 * <pre>{@code
 * try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().port(0).build().start()) {
 *     connect devices and the bridge to broker.host() and broker.port() ...
 * }
 * }</pre>
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
    /** The address the broker listens on unless told: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** MQTT's registered port. */
    public static final int DEFAULT_PORT = 1883;
    /** The largest message accepted unless told: AWS IoT Core's limit, 128 KiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024;
    /** The parent of every logger Moquette uses. */
    public static final String LOGGER_NAME = "io.moquette";

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final int maxMessageBytes;
    private MoquetteServer server;
    private int boundPort;
    private boolean closed;

    private EmbeddedMqttBroker(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.username = builder.username;
        this.password = builder.password;
        this.maxMessageBytes = builder.maxMessageBytes;
    }

    /**
     * A builder with the defaults: {@value #DEFAULT_HOST}, port {@value #DEFAULT_PORT}, no authentication.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts accepting clients; returns when clients can connect.
     *
     * @return this broker, started
     * @throws IllegalStateException if it was started or closed before, or Moquette is not on the class path
     * @throws java.io.UncheckedIOException if the port cannot be bound (in use, no permission, unknown host),
     *         with a message naming the address; nothing is left running
     */
    public synchronized EmbeddedMqttBroker start() {
        if (closed) {
            throw new IllegalStateException("EmbeddedMqttBroker is closed; build a new one");
        }
        if (server != null) {
            throw new IllegalStateException("EmbeddedMqttBroker is already started on " + uri());
        }
        requireMoquette();
        MoquetteServer started = MoquetteServer.start(host, port, username, password, maxMessageBytes);
        server = started;
        boundPort = started.port();
        return this;
    }

    /**
     * The address it listens on, as given to the builder.
     *
     * @return a host name or IP address
     */
    public String host() {
        return host;
    }

    /**
     * The port it listens on: once started, the bound one (the one picked when the builder said 0); before, the
     * builder's.
     *
     * @return the TCP port
     */
    public synchronized int port() {
        return server == null ? port : boundPort;
    }

    /**
     * The broker's address as MQTT clients write it.
     *
     * @return {@code tcp://host:port}
     */
    public String uri() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "tcp://" + shown + ":" + port();
    }

    /**
     * Whether it is accepting clients.
     *
     * @return true between {@link #start()} and {@link #close()}
     */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Disconnects every client, unbinds the port and stops Moquette's threads; waits for them (about two seconds,
     * Netty's quiet period). Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            MoquetteServer running = server;
            server = null;
            running.stop();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMqttBroker[" + uri() + (isRunning() ? ", running" : "") + "]";
    }

    private static void requireMoquette() {
        try {
            Class.forName("io.moquette.broker.Server", false, EmbeddedMqttBroker.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("EmbeddedMqttBroker needs io.moquette:moquette-broker on the class path"
                    + " (an optional dependency of dev.iotjobs:mqtt)", e);
        }
    }

    /** Settings of an {@link EmbeddedMqttBroker}; each setter checks its value at once. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String username;
        private String password;
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

        private Builder() {
        }

        /**
         * The address to listen on; {@code 0.0.0.0} listens on every interface.
         *
         * @param host a host name or IP address, not blank
         * @return this builder
         */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host.strip();
            return this;
        }

        /**
         * The TCP port; 0 picks a free one ({@link EmbeddedMqttBroker#port()} tells which once started).
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Requires every client to connect with this username and password (one account for the bridge and the
         * devices); without it, anyone may connect.
         *
         * @param username not empty
         * @param password not empty
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            if (username == null || username.isEmpty()) {
                throw new IllegalArgumentException("username must not be empty");
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty");
            }
            this.username = username;
            this.password = password;
            return this;
        }

        /**
         * The largest MQTT message (a whole PUBLISH, topic and payload) a client may send; a larger one closes its
         * connection.
         *
         * @param maxMessageBytes 1,024 to 268,435,455 (MQTT's limit)
         * @return this builder
         */
        public Builder maxMessageBytes(int maxMessageBytes) {
            if (maxMessageBytes < 1024 || maxMessageBytes > 268_435_455) {
                throw new IllegalArgumentException(
                        "maxMessageBytes must be between 1024 and 268435455, was " + maxMessageBytes);
            }
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /**
         * A broker with these settings, not started yet.
         *
         * @return a new broker
         */
        public EmbeddedMqttBroker build() {
            Objects.requireNonNull(host);
            return new EmbeddedMqttBroker(this);
        }
    }
}
