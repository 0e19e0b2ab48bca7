package dev.iotjobs.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Properties;

/**
 * The Moquette side of {@link EmbeddedMqttBroker}: its configuration and its start and stop. Only this class names
 * Moquette's types, so that the broker class loads (and says what is missing) without Moquette on the class path.
 */
final class MoquetteServer {
    private final Server server;

    /** How often a picked free port is tried: another process may take it between the pick and Moquette's bind. */
    private static final int PICKED_PORT_ATTEMPTS = 3;

    private final int port;

    private MoquetteServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts Moquette on the port, or on a free one when it is 0: Moquette learns its bound port only later, on its
     * event loop, so the port is picked here and known before the start.
     */
    static MoquetteServer start(String host, int port, String username, String password, int maxMessageBytes) {
        if (port != 0) {
            // Moquette logs a failed bind at ERROR with a stack trace; a refused probe fails first, and quietly.
            probe(host, port);
            return startOn(host, port, username, password, maxMessageBytes);
        }
        for (int attempt = 1; ; attempt++) {
            int picked = pickFreePort(host);
            try {
                return startOn(host, picked, username, password, maxMessageBytes);
            } catch (UncheckedIOException e) {
                if (attempt == PICKED_PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static MoquetteServer startOn(String host, int port, String username, String password,
            int maxMessageBytes) {
        Server server = new Server();
        try {
            // Without an SSL context creator of its own Moquette announces its default one at INFO.
            server.startServer(config(host, port, username != null, maxMessageBytes), List.of(),
                    () -> null, authenticator(username, password), new PermitAllAuthorizatorPolicy());
        } catch (IOException | RuntimeException e) {
            // A failed bind leaves Moquette's session threads and scheduler running (non-daemon): stop them.
            server.stopServer();
            throw cannotListen(host, port, e);
        }
        return new MoquetteServer(server, port);
    }

    private static void probe(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);   // as Moquette binds (netty.so_reuseaddr)
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException | RuntimeException e) {
            throw cannotListen(host, port, e);
        }
    }

    private static int pickFreePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException | RuntimeException e) {
            throw cannotListen(host, 0, e);
        }
    }

    private static UncheckedIOException cannotListen(String host, int port, Exception e) {
        BindException cause = new BindException(
                "EmbeddedMqttBroker cannot listen on " + host + ":" + port + ": " + rootMessage(e));
        cause.initCause(e);
        return new UncheckedIOException(cause.getMessage(), cause);
    }

    int port() {
        return port;
    }

    void stop() {
        server.stopServer();
    }

    private static MemoryConfig config(String host, int port, boolean authenticated, int maxMessageBytes) {
        Properties properties = new Properties();
        properties.setProperty("host", host);
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("allow_anonymous", Boolean.toString(!authenticated));
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
        properties.setProperty("netty.mqtt.message_size", Integer.toString(maxMessageBytes));
        // No websocket_port / ssl_port / secure_websocket_port: those transports stay off.
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
            boolean userMatches = MessageDigest.isEqual(expectedUser, user.getBytes(StandardCharsets.UTF_8));
            boolean passwordMatches = MessageDigest.isEqual(expectedPassword, pass);
            return userMatches & passwordMatches;
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
