package dev.iotjobs.server;

import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.mqtt.EmbeddedMqttBroker;
import dev.iotjobs.mqtt.MqttJobsBridge;
import dev.iotjobs.mqtt.MqttProtocol;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The standalone server's MQTT side ({@code --mqtt}): the embedded broker, when the server runs its own, and the
 * bridge that answers the device protocol through the broker and publishes the notifications. {@link #close}
 * closes the bridge (answering the requests it took), then the broker.
 */
final class StandaloneMqtt implements AutoCloseable {
    private final EmbeddedMqttBroker broker;
    private final MqttJobsBridge bridge;
    private final String description;

    private StandaloneMqtt(EmbeddedMqttBroker broker, MqttJobsBridge bridge, String description) {
        this.broker = broker;
        this.bridge = bridge;
        this.description = description;
    }

    /**
     * Starts the broker (if embedded) and the bridge, connected and subscribed.
     *
     * @param options the server's options; MQTT is not off
     * @param engine the engine, started
     * @return the running MQTT side
     * @throws StartupFailure if a port of the embedded broker is taken, the broker cannot be reached or refuses the
     *     bridge, or the TLS files cannot be read (nothing is left open)
     */
    static StandaloneMqtt start(ServerOptions options, JobsEngine engine) throws StartupFailure {
        EmbeddedMqttBroker broker = null;
        URI brokerUri;
        String description;
        if (options.mqttEmbedded()) {
            EmbeddedMqttBroker.Builder embedded = EmbeddedMqttBroker.builder().host(options.host())
                    .port(options.mqttPort());
            if (options.mqttUsername() != null) {
                embedded.credentials(options.mqttUsername(), options.mqttPassword() == null ? ""
                        : options.mqttPassword());
            }
            boolean tls = options.mqttTlsPort() != null;
            if (tls) {
                embedded.tls(options.mqttTlsPort(), TlsFiles.brokerKeys(options.mqttTlsKeystore(),
                        options.mqttTlsKeystorePassword()));
                if (options.mqttTlsClientCa() != null) {
                    embedded.requireClientCertificates(TlsFiles.trust(options.mqttTlsClientCa(),
                            "--mqtt-tls-client-ca"));
                }
            }
            try {
                broker = embedded.build().start();
            } catch (RuntimeException e) {
                throw new StartupFailure("cannot start the embedded MQTT broker on " + options.host() + ":"
                        + options.mqttPort() + (tls ? " and :" + options.mqttTlsPort() + " (TLS)" : "") + ": "
                        + StartupFailure.firstLine(e) + "; stop what listens there, choose another --mqtt-port "
                        + "(IOTJOBS_MQTT_PORT)" + (tls ? " or --mqtt-tls-port (IOTJOBS_MQTT_TLS_PORT)" : "")
                        + " or turn MQTT off with --mqtt none", e);
            }
            // The bridge takes the plain port, on loopback: it needs no certificate of its own.
            brokerUri = URI.create("tcp://" + loopbackFor(options.host()) + ":" + broker.port());
            description = "mqtt://" + hostInUrl(options.host()) + ":" + broker.port()
                    + (tls ? " and mqtts://" + hostInUrl(options.host()) + ":" + broker.tlsPort() : "")
                    + " (embedded broker)";
        } else {
            brokerUri = URI.create(options.mqttBroker());
            description = options.mqttBroker() + " (bridged)";
        }
        try {
            MqttJobsBridge.Builder builder = bridge(options, engine, brokerUri);
            if (broker != null) {
                // The embedded broker speaks 3.1.1 only: no refused MQTT 5 attempt in the log at every start.
                builder.protocol(MqttProtocol.V3_1_1);
            }
            MqttJobsBridge bridge = builder.build().start();
            return new StandaloneMqtt(broker, bridge, description);
        } catch (StartupFailure | RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            if (e instanceof StartupFailure failure) {
                throw failure;
            }
            throw new StartupFailure("cannot connect to the MQTT broker " + brokerUri + ": "
                    + StartupFailure.firstLine(e) + "; check --mqtt (IOTJOBS_MQTT), --mqtt-username and "
                    + "IOTJOBS_MQTT_PASSWORD" + (brokerUri.getScheme().equals("ssl") ? ", --mqtt-ca and "
                    + "--mqtt-client-keystore" : ""), e);
        }
    }

    private static MqttJobsBridge.Builder bridge(ServerOptions options, JobsEngine engine, URI brokerUri)
            throws StartupFailure {
        MqttJobsBridge.Builder bridge = MqttJobsBridge.builder().engine(engine).brokerUri(brokerUri)
                .jobsEvents(options.mqttEvents());
        if (options.mqttClientId() != null) {
            bridge.clientId(options.mqttClientId());
        }
        if (options.mqttUsername() != null) {
            bridge.credentials(options.mqttUsername(), options.mqttPassword() == null ? null
                    : options.mqttPassword().getBytes(StandardCharsets.UTF_8));
        }
        if (options.mqttSharedGroup() != null) {
            bridge.sharedSubscriptionGroup(options.mqttSharedGroup());
        }
        if (options.mqttCa() != null || options.mqttClientKeystore() != null) {
            bridge.tls(TlsFiles.trust(options.mqttCa()), TlsFiles.keys(options.mqttClientKeystore(),
                    options.mqttClientKeystorePassword()));
        }
        return bridge;
    }

    /** The bridge reaches a broker that listens on every interface through loopback. */
    private static String loopbackFor(String host) {
        return switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> hostInUrl(host);
        };
    }

    private static String hostInUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * @return what the ready line says of MQTT, e.g. {@code mqtt://127.0.0.1:1883 (embedded broker)}, or
     *     {@code mqtt://127.0.0.1:1883 and mqtts://127.0.0.1:8883 (embedded broker)} with TLS
     */
    String description() {
        return description;
    }

    /** @return the embedded broker's port, or -1 when the broker is external */
    int embeddedPort() {
        return broker == null ? -1 : broker.port();
    }

    /** @return the embedded broker's TLS port, or -1 when it has none or the broker is external */
    int embeddedTlsPort() {
        return broker == null ? -1 : broker.tlsPort();
    }

    /** Closes the bridge, then the embedded broker; the broker closes even if the bridge failed to. */
    @Override
    public void close() {
        try {
            bridge.close();
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
