package dev.iotjobs.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both protocol versions of the HiveMQ MQTT client share: the address, TLS, timeouts, reconnecting with backoff
 * (resubscribing, logged), and publishing through an {@link OutboundQueue} (what was not acknowledged when the
 * connection was lost is published again once connected).
 */
abstract class HiveMqLink implements BrokerLink {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqLink.class);

    /** The broker, for log lines. */
    protected final BrokerAddress address;
    /** Where incoming messages go, on {@link #inboundThread}; it says which to acknowledge. */
    protected final InboundMessages inbound;
    /**
     * The one thread incoming messages are handed to the bridge on, in arrival order: so that
     * {@link #afterInbound()} can tell when every message received so far has been handed over.
     */
    protected final ExecutorService inboundThread = inboundExecutor();
    private final Backoff backoff;
    private final AtomicBoolean reconnect = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final OutboundQueue outbound = new OutboundQueue(this::sendPublish, this::isConnected);

    HiveMqLink(LinkSettings settings, InboundMessages inbound) {
        this.address = settings.address();
        this.inbound = inbound;
        this.backoff = settings.backoff();
    }

    /**
     * Publishes at QoS 1. A message that was not acknowledged when the connection was lost, or that is published
     * while it is down, is published again (as a new message) once connected: at least once, in order.
     */
    @Override
    public final CompletableFuture<Void> publish(OutgoingMessage message) {
        return outbound.publish(message);
    }

    /** Hands one message to the client (QoS 1). @return completes once the broker acknowledged it */
    protected abstract CompletableFuture<Void> sendPublish(OutgoingMessage message);

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
    public CompletableFuture<Void> afterInbound() {
        // The client queues each message for this thread as it reads it, in the order the broker sent them.
        return CompletableFuture.runAsync(() -> { }, inboundThread);
    }

    /**
     * One thread at most, ending when idle: never shut down, because the client still hands it the end of its
     * message flow after a disconnect.
     */
    private static ExecutorService inboundExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "iotjobs-mqtt-inbound");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Override
    public void keepReconnecting() {
        reconnect.set(true);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        reconnect.set(false);
        closed.set(true);
        outbound.close(new IllegalStateException("the bridge disconnected from the MQTT broker " + address));
        CompletableFuture<Void> disconnected;
        try {
            disconnected = sendDisconnect().exceptionally(e -> null); // already disconnected: nothing to do
        } catch (RuntimeException e) {
            disconnected = CompletableFuture.completedFuture(null);
        }
        return disconnected;
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
            LOG.info("reconnected to the MQTT broker {} ({}); publishing {} waiting messages", address, protocol(),
                    outbound.waiting());
        }
        outbound.flush();
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
        // The session is clean (a broker restart loses it anyway): subscribe again. What the broker did not
        // acknowledge is not resent by the client (it would be a DUP, see OutboundQueue): the client fails it, and
        // the outbound queue publishes it again once connected, so answers and notifications due are delivered at
        // least once.
        reconnector.reconnect(true)
                .resubscribeIfSessionExpired(true)
                .republishIfSessionExpired(false)
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
