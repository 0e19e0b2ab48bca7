package dev.iotjobs.mqtt;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A broker with MQTT shared subscriptions ({@code $share/{group}/...}) inside the test JVM, for several bridges on one
 * broker (SPEC W6): HiveMQ Community Edition, embedded. MQTT 3.1.1 and 5; everything in memory; {@code $aws/...}
 * topics allowed (HiveMQ refuses topics that start with {@code $} unless its internal flag is set before the start);
 * no anonymous usage statistics; its files in a temporary folder, deleted on close.
 */
final class HiveMqTestBroker implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final EmbeddedHiveMQ hivemq;
    private final Path folder;
    private final int port;

    private HiveMqTestBroker(EmbeddedHiveMQ hivemq, Path folder, int port) {
        this.hivemq = hivemq;
        this.folder = folder;
        this.port = port;
    }

    /** Starts one on a free port of 127.0.0.1; returns once clients can connect. */
    static HiveMqTestBroker start() {
        // A JVM-wide switch, read when a client publishes or subscribes: AWS's topics all start with "$aws/".
        InternalConfigurations.MQTT_ALLOW_DOLLAR_TOPICS.set(true);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("hivemq-test-");
            int port = freePort();
            Path config = Files.createDirectories(folder.resolve("conf"));
            Files.writeString(config.resolve("config.xml"), configXml(port), StandardCharsets.UTF_8);
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(config)
                    .withDataFolder(Files.createDirectories(folder.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                    .withoutLoggingBootstrap()   // keeps the tests' SLF4J binding; logback is excluded
                    .build();
            hivemq.start().get(60, TimeUnit.SECONDS);
            return new HiveMqTestBroker(hivemq, folder, port);
        } catch (Exception e) {
            delete(folder);
            throw new IllegalStateException("HiveMQ CE did not start: " + e, e);
        }
    }

    String host() {
        return HOST;
    }

    int port() {
        return port;
    }

    String uri() {
        return "tcp://" + HOST + ":" + port;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(60, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            throw new IllegalStateException("HiveMQ CE did not stop: " + e, e);
        } finally {
            delete(folder);
        }
    }

    private static String configXml(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, HOST);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(HOST, 0));
            return socket.getLocalPort();
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
