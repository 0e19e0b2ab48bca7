package dev.iotjobs.mqtt;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * An MQTT broker inside this JVM (Moquette 0.17): the server's default single-machine broker and the tests' broker.
 *
 * <p>It keeps everything in memory (no files are written), listens on plain TCP and, with {@link Builder#tls}, on
 * a TLS port too (no websockets), and runs none of Moquette's side services (metrics, error reporting, telemetry).
 * Every client may publish and subscribe to every topic, {@code $aws/things/{thingName}/jobs/...} included; with
 * {@link Builder#credentials} a client must also present that username and password, and with
 * {@link Builder#requireClientCertificates} a client on the TLS port must present a certificate signed by one of the
 * CAs given, as devices do on AWS IoT Core (mutual TLS). Both listeners bind the same host.
 *
 * <p>An AWS IoT Device SDK connects to the TLS port with its AWS connection builder changed only in its endpoint and
 * TLS settings ({@code AwsIotMqttConnectionBuilder.newMtlsBuilderFromPath(cert, key)
 * .withCertificateAuthorityFromPath(null, caPem).withEndpoint("localhost").withPort(broker.tlsPort())}): the
 * broker's certificate must name the host the device connects to, and the user name the SDKs send
 * ({@code ?SDK=JavaV2&Version=...}, appended to any user name given) is taken without that suffix.
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
 * EmbeddedMqttBroker secure = EmbeddedMqttBroker.builder()
 *         .tls(8883, Path.of("broker.p12"), password)             // the broker's key and certificate chain
 *         .requireClientCertificates(Path.of("devices-ca.pem"))   // optional: devices log in with certificates
 *         .build().start();
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

    /** What {@link #port()} and {@link #tlsPort()} return for a listener the broker does not have. */
    public static final int NO_PORT = -1;

    private final EmbeddedBrokerSettings settings;
    private MoquetteServer server;
    private int boundPort;
    private int boundTlsPort;
    private boolean closed;

    private EmbeddedMqttBroker(EmbeddedBrokerSettings settings) {
        this.settings = settings;
    }

    /**
     * A builder with the defaults: {@value #DEFAULT_HOST}, plain TCP on port {@value #DEFAULT_PORT}, no TLS, no
     * authentication.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds its ports and starts accepting clients; returns when clients can connect.
     *
     * @return this broker, started
     * @throws IllegalStateException if it was started or closed before, or Moquette is not on the class path
     * @throws java.io.UncheckedIOException if a port cannot be bound (in use, no permission, unknown host),
     *         with a message naming the address; nothing is left running
     * @throws IllegalStateException also if the TLS key store's key cannot make a TLS context
     */
    public synchronized EmbeddedMqttBroker start() {
        if (closed) {
            throw new IllegalStateException("EmbeddedMqttBroker is closed; build a new one");
        }
        if (server != null) {
            throw new IllegalStateException("EmbeddedMqttBroker is already started on " + addresses());
        }
        requireMoquette();
        MoquetteServer started = MoquetteServer.start(settings);
        server = started;
        boundPort = started.port();
        boundTlsPort = started.tlsPort();
        return this;
    }

    /**
     * The address it listens on, as given to the builder.
     *
     * @return a host name or IP address
     */
    public String host() {
        return settings.host();
    }

    /**
     * The plain TCP port it listens on: once started, the bound one (the one picked when the builder said 0);
     * before, the builder's.
     *
     * @return the TCP port, or {@link #NO_PORT} after {@code plainTcp(false)}
     */
    public synchronized int port() {
        return server == null ? settings.port() : boundPort;
    }

    /**
     * The TLS port it listens on: once started, the bound one (the one picked when the builder said 0); before,
     * the builder's.
     *
     * @return the TLS port, or {@link #NO_PORT} without {@link Builder#tls}
     */
    public synchronized int tlsPort() {
        return server == null ? settings.tlsPort() : boundTlsPort;
    }

    /**
     * The broker's plain TCP address as MQTT clients write it.
     *
     * @return {@code tcp://host:port}, or null after {@code plainTcp(false)}
     */
    public String uri() {
        int plain = port();
        return plain == NO_PORT ? null : "tcp://" + hostInUri() + ":" + plain;
    }

    /**
     * The broker's TLS address as MQTT clients write it (the bridge's {@code brokerUri}).
     *
     * @return {@code ssl://host:port}, or null without {@link Builder#tls}
     */
    public String tlsUri() {
        int tls = tlsPort();
        return tls == NO_PORT ? null : "ssl://" + hostInUri() + ":" + tls;
    }

    /**
     * Whether a client on the TLS port must present a certificate.
     *
     * @return true after {@link Builder#requireClientCertificates}
     */
    public boolean requiresClientCertificates() {
        return settings.clientCas() != null;
    }

    private String hostInUri() {
        return settings.host().indexOf(':') >= 0 ? "[" + settings.host() + "]" : settings.host();
    }

    private String addresses() {
        String plain = uri();
        String tls = tlsUri();
        return plain == null ? tls : tls == null ? plain : plain + " and " + tls;
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
        return "EmbeddedMqttBroker[" + addresses() + (isRunning() ? ", running" : "") + "]";
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
        private boolean plainTcp = true;
        private int tlsPort = NO_PORT;
        private KeyManagerFactory tlsKeys;
        private TrustManagerFactory clientCas;
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
         * The plain TCP port; 0 picks a free one ({@link EmbeddedMqttBroker#port()} tells which once started).
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = checkPort("port", port);
            return this;
        }

        /**
         * Whether it listens on plain TCP too (it does unless told): {@code false} leaves only the TLS port.
         *
         * @param enabled false for TLS only
         * @return this builder
         */
        public Builder plainTcp(boolean enabled) {
            this.plainTcp = enabled;
            return this;
        }

        /**
         * Also listens for MQTT over TLS (1.2 or 1.3) on {@code tlsPort}, presenting the key and certificate chain of
         * {@code keyStore}. The file is read now.
         *
         * @param tlsPort 0 to 65535; 0 picks a free one ({@link EmbeddedMqttBroker#tlsPort()} tells which)
         * @param keyStore a PKCS#12 or JKS file holding the broker's private key and its certificate chain, whose
         *     certificate names the host clients connect to (DNS or IP subject alternative name)
         * @param password the file's password, also the key's; the builder keeps no copy
         * @return this builder
         * @throws IllegalArgumentException naming the file if it cannot be read or opened, or holds no key
         */
        public Builder tls(int tlsPort, Path keyStore, char[] password) {
            checkPort("tlsPort", tlsPort);
            if (keyStore == null) {
                throw new IllegalArgumentException("keyStore must not be null");
            }
            if (password == null) {
                throw new IllegalArgumentException("password must not be null (empty for none)");
            }
            char[] copy = password.clone();
            try {
                return tls(tlsPort, TlsStores.keyManagers(keyStore, copy));
            } finally {
                Arrays.fill(copy, '\0');
            }
        }

        /**
         * Also listens for MQTT over TLS (1.2 or 1.3) on {@code tlsPort}, presenting the key these key managers
         * choose.
         *
         * @param tlsPort 0 to 65535; 0 picks a free one ({@link EmbeddedMqttBroker#tlsPort()} tells which)
         * @param keys the broker's key and certificate chain, initialised
         * @return this builder
         */
        public Builder tls(int tlsPort, KeyManagerFactory keys) {
            checkPort("tlsPort", tlsPort);
            if (keys == null) {
                throw new IllegalArgumentException("keys must not be null");
            }
            this.tlsPort = tlsPort;
            this.tlsKeys = keys;
            return this;
        }

        /**
         * Requires every client on the TLS port to present a certificate signed by one of the CA certificates in
         * {@code caPem} (mutual TLS, as AWS IoT Core requires of devices); the handshake of any other client fails.
         * The certificate's subject is not matched to the client id. Needs {@link #tls}. The file is read now.
         *
         * @param caPem a PEM file of one or more CA certificates
         * @return this builder
         * @throws IllegalArgumentException naming the file if it cannot be read or holds no certificate
         */
        public Builder requireClientCertificates(Path caPem) {
            if (caPem == null) {
                throw new IllegalArgumentException("caPem must not be null");
            }
            return requireClientCertificates(TlsStores.trustManagers(caPem));
        }

        /**
         * Requires every client on the TLS port to present a certificate these trust managers accept (mutual TLS).
         * Needs {@link #tls}.
         *
         * @param clientCas the CAs of client certificates, initialised
         * @return this builder
         */
        public Builder requireClientCertificates(TrustManagerFactory clientCas) {
            if (clientCas == null) {
                throw new IllegalArgumentException("clientCas must not be null");
            }
            this.clientCas = clientCas;
            return this;
        }

        /**
         * Requires every client, on either port, to connect with this username and password (one account for the
         * bridge and the devices); without it, anyone may connect. A user name ending in the {@code ?SDK=...} that
         * AWS's device SDKs append is taken without it.
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
         * @throws IllegalStateException if the settings do not fit together: no listener at all, client certificates
         *     without TLS, or one port for both listeners
         */
        public EmbeddedMqttBroker build() {
            Objects.requireNonNull(host);
            if (!plainTcp && tlsKeys == null) {
                throw new IllegalStateException("plainTcp(false) needs tls(...): the broker would listen nowhere");
            }
            if (clientCas != null && tlsKeys == null) {
                throw new IllegalStateException("requireClientCertificates(...) needs tls(...)");
            }
            if (plainTcp && tlsKeys != null && port != 0 && port == tlsPort) {
                throw new IllegalStateException("port and tlsPort must differ (both are " + port + ")");
            }
            return new EmbeddedMqttBroker(new EmbeddedBrokerSettings(host, plainTcp ? port : NO_PORT,
                    tlsKeys == null ? NO_PORT : tlsPort, tlsKeys, clientCas, username, password, maxMessageBytes));
        }

        private static int checkPort(String name, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + port);
            }
            return port;
        }
    }
}
