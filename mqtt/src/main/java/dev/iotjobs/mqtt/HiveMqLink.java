package dev.iotjobs.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both protocol versions of the HiveMQ MQTT client share: the address, TLS, timeouts, and reconnecting with
 * backoff (resubscribing and resending what was not acknowledged when the broker lost the session), logged.
 */
abstract class HiveMqLink implements BrokerLink {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqLink.class);

    /** The broker, for log lines. */
    protected final BrokerAddress address;
    /** Where incoming messages go (topic, payload), on the client's thread. */
    protected final BiConsumer<String, byte[]> inbound;
    private final Backoff backoff;
    private final AtomicBoolean reconnect = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();

    HiveMqLink(LinkSettings settings, BiConsumer<String, byte[]> inbound) {
        this.address = settings.address();
        this.inbound = inbound;
        this.backoff = settings.backoff();
    }

    /** @return a client builder with everything but the protocol version and the credentials */
    protected MqttClientBuilder baseBuilder(LinkSettings settings) {
        long timeout = settings.connectTimeout().toMillis();
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(settings.address().host())
                .serverPort(settings.address().port())
                .socketConnectTimeout(timeout, TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(timeout, TimeUnit.MILLISECONDS);
        if (settings.address().tls()) {
            // TLS goes into the transport config: the client builder's own sslConfig() is ignored once a transport
            // config is set (HiveMQ client 1.4), and the bridge then spoke plain MQTT to an ssl:// broker.
            transport = transport.sslConfig()
                    .trustManagerFactory(settings.trust())
                    .keyManagerFactory(settings.keys())
                    .applySslConfig();
        }
        return MqttClient.builder()
                .identifier(settings.clientId())
                .transportConfig(transport.build())
                .addConnectedListener(context -> connected())
                .addDisconnectedListener(this::disconnected);
    }

    @Override
    public void keepReconnecting() {
        reconnect.set(true);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        reconnect.set(false);
        closed.set(true);
        try {
            return sendDisconnect().exceptionally(e -> null); // already disconnected: nothing to do
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Sends the protocol's DISCONNECT. @return completes once disconnected */
    protected abstract CompletableFuture<Void> sendDisconnect();

    private void connected() {
        if (closed.get()) {
            // A reconnect attempt scheduled before close() went through: end it.
            sendDisconnect();
            return;
        }
        if (lost.compareAndSet(true, false)) {
            LOG.info("reconnected to the MQTT broker {} ({})", address, protocol());
        }
    }

    private void disconnected(MqttClientDisconnectedContext context) {
        if (!reconnect.get()) {
            return;
        }
        MqttClientReconnector reconnector = context.getReconnector();
        int failed = reconnector.getAttempts();
        long delay = backoff.delayMillis(failed);
        lost.set(true);
        if (failed == 0) {
            LOG.warn("lost the connection to the MQTT broker {}: {}; reconnecting in {} ms", address,
                    describe(context.getCause()), delay);
        } else {
            LOG.warn("reconnect attempt {} to the MQTT broker {} failed: {}; next attempt in {} ms", failed, address,
                    describe(context.getCause()), delay);
        }
        // The broker may have lost the session (a restart): subscribe again and resend what it did not acknowledge,
        // so answers and notifications due are delivered at least once.
        reconnector.reconnect(true)
                .resubscribeIfSessionExpired(true)
                .republishIfSessionExpired(true)
                .delay(delay, TimeUnit.MILLISECONDS);
    }

    /** @return a failure's message for a log line, without its stack */
    static String describe(Throwable cause) {
        if (cause == null) {
            return "no reason given";
        }
        String message = cause.getMessage();
        Throwable inner = cause.getCause();
        if ((message == null || message.isEmpty()) && inner != null) {
            message = inner.getMessage();
        }
        return cause.getClass().getSimpleName() + (message == null || message.isEmpty() ? "" : ": " + message);
    }
}
