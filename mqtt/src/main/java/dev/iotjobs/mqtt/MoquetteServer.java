package dev.iotjobs.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLException;

/**
 * The Moquette side of {@link EmbeddedMqttBroker}: its configuration, its TLS context and its start and stop. Only
 * this class names Moquette's types (and Netty's, which come with Moquette), so that the broker class loads (and says
 * what is missing) without Moquette on the class path.
 */
final class MoquetteServer {
    private final Server server;

    /** How often a picked free port is tried: another process may take it between the pick and Moquette's bind. */
    private static final int PICKED_PORT_ATTEMPTS = 3;
    /** Moquette's value for a listener that is not started. */
    private static final String DISABLED = "disabled";

    private final int port;
    private final int tlsPort;

    private MoquetteServer(Server server, int port, int tlsPort) {
        this.server = server;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /**
     * Starts Moquette on the settings' ports, picking a free one for each that is 0: Moquette learns its bound ports
     * only later, on its event loop, so they are picked here and known before the start.
     *
     * @throws UncheckedIOException if a port cannot be bound, naming the address
     * @throws IllegalStateException if the TLS keys cannot make a TLS context
     */
    static MoquetteServer start(EmbeddedBrokerSettings settings) {
        SslContext tls = settings.tlsPort() == EmbeddedBrokerSettings.OFF ? null : tlsContext(settings);
        String host = settings.host();
        // Moquette logs a failed bind at ERROR with a stack trace; a refused probe fails first, and quietly.
        for (int port : new int[] {settings.port(), settings.tlsPort()}) {
            if (port > 0) {
                probe(host, port);
            }
        }
        boolean picks = settings.port() == 0 || settings.tlsPort() == 0;
        for (int attempt = 1; ; attempt++) {
            int port = settings.port() == 0 ? pickFreePort(host, EmbeddedBrokerSettings.OFF) : settings.port();
            int tlsPort = settings.tlsPort() == 0 ? pickFreePort(host, port) : settings.tlsPort();
            try {
                return startOn(settings.withPorts(port, tlsPort), tls);
            } catch (UncheckedIOException e) {
                // Another process may take a picked port between the pick and Moquette's bind.
                if (!picks || attempt == PICKED_PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static MoquetteServer startOn(EmbeddedBrokerSettings settings, SslContext tls) {
        Server server = new Server();
        try {
            // The TLS context is made before the start (Moquette's own creator would log and start without TLS
            // when it fails), and it checks client certificates against the CAs given, not the broker's key store.
            server.startServer(config(settings), List.of(), () -> tls,
                    authenticator(settings.username(), settings.password()), new PermitAllAuthorizatorPolicy());
        } catch (IOException | RuntimeException e) {
            // A failed bind leaves Moquette's session threads and scheduler running (non-daemon): stop them.
            server.stopServer();
            throw cannotListen(settings.host(), listeners(settings), e);
        }
        return new MoquetteServer(server, settings.port(), settings.tlsPort());
    }

    /** TLS 1.2 and 1.3 with the JDK's provider; with client CAs, a client without a certificate they signed fails. */
    private static SslContext tlsContext(EmbeddedBrokerSettings settings) {
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(settings.tlsKeys()).sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2");
            if (settings.clientCas() != null) {
                builder.trustManager(settings.clientCas()).clientAuth(ClientAuth.REQUIRE);
            }
            return builder.build();
        } catch (SSLException | RuntimeException e) {
            throw new IllegalStateException("EmbeddedMqttBroker cannot set up TLS with the key store given: "
                    + rootMessage(e), e);
        }
    }

    private static String listeners(EmbeddedBrokerSettings settings) {
        List<String> ports = new ArrayList<>();
        if (settings.port() != EmbeddedBrokerSettings.OFF) {
            ports.add(Integer.toString(settings.port()));
        }
        if (settings.tlsPort() != EmbeddedBrokerSettings.OFF) {
            ports.add(settings.tlsPort() + " (TLS)");
        }
        return String.join(" and ", ports);
    }

    private static void probe(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);   // as Moquette binds (netty.so_reuseaddr)
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException | RuntimeException e) {
            throw cannotListen(host, Integer.toString(port), e);
        }
    }

    /** A free port other than {@code other}. */
    private static int pickFreePort(String host, int other) {
        while (true) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(host, 0));
                if (socket.getLocalPort() != other) {
                    return socket.getLocalPort();
                }
            } catch (IOException | RuntimeException e) {
                throw cannotListen(host, "0", e);
            }
        }
    }

    private static UncheckedIOException cannotListen(String host, String ports, Exception e) {
        BindException cause = new BindException(
                "EmbeddedMqttBroker cannot listen on " + host + ":" + ports + ": " + rootMessage(e));
        cause.initCause(e);
        return new UncheckedIOException(cause.getMessage(), cause);
    }

    /** @return the plain TCP port, or {@link EmbeddedBrokerSettings#OFF} */
    int port() {
        return port;
    }

    /** @return the TLS port, or {@link EmbeddedBrokerSettings#OFF} */
    int tlsPort() {
        return tlsPort;
    }

    void stop() {
        server.stopServer();
    }

    private static MemoryConfig config(EmbeddedBrokerSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("host", settings.host());
        properties.setProperty("port", settings.port() == EmbeddedBrokerSettings.OFF ? DISABLED
                : Integer.toString(settings.port()));
        if (settings.tlsPort() != EmbeddedBrokerSettings.OFF) {
            properties.setProperty("ssl_port", Integer.toString(settings.tlsPort()));
            properties.setProperty("need_client_auth", Boolean.toString(settings.clientCas() != null));
        }
        properties.setProperty("allow_anonymous", Boolean.toString(settings.username() == null));
        // MQTT 3.1.1 lets a clean-session client leave its id empty for the broker to assign one, as mosquitto_sub
        // and mosquitto_pub do; Moquette refuses that unless told.
        properties.setProperty("allow_zero_byte_client_id", "true");
        // Memory only: Moquette's default writes an H2 store and queue segments under ./data/.
        properties.setProperty("persistence_enabled", "false");
        // Moquette's default reports to its authors' collector (and writes data/.moquette_uuid) on every start.
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("use_metrics", "false");
        properties.setProperty("use_bugsnag", "false");
        // NIO, so that no native transport is needed (the epoll jar is excluded).
        properties.setProperty("netty.epoll", "false");
        properties.setProperty("netty.mqtt.message_size", Integer.toString(settings.maxMessageBytes()));
        // No websocket_port / secure_websocket_port: those transports stay off.
        return new MemoryConfig(properties);
    }

    private static IAuthenticator authenticator(String username, String password) {
        if (username == null) {
            return (clientId, user, pass) -> true;
        }
        byte[] expectedUser = username.getBytes(StandardCharsets.UTF_8);
        byte[] expectedPassword = password.getBytes(StandardCharsets.UTF_8);
        // Constant-time comparisons: the time taken says nothing about how much of a guess was right.
        return (clientId, user, pass) -> {
            if (user == null || pass == null) {
                return false;
            }
            byte[] given = withoutSdkMetrics(user).getBytes(StandardCharsets.UTF_8);
            boolean userMatches = MessageDigest.isEqual(expectedUser, given);
            boolean passwordMatches = MessageDigest.isEqual(expectedPassword, pass);
            return userMatches & passwordMatches;
        };
    }

    /**
     * The user name a client chose: AWS's device SDKs append their name and version to it ({@code
     * user?SDK=JavaV2&Version=1.30.1}, or {@code &SDK=...} after a user name with a {@code ?}), as AWS IoT Core's
     * metrics read them; a device on the embedded broker keeps the AWS connection builder unchanged.
     */
    static String withoutSdkMetrics(String username) {
        int metrics = username.indexOf("?SDK=");
        if (metrics < 0) {
            metrics = username.indexOf("&SDK=");
        }
        return metrics < 0 ? username : username.substring(0, metrics);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
