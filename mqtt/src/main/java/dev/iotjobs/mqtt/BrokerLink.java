package dev.iotjobs.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The bridge's MQTT connection, whichever protocol version it speaks. Incoming messages go to the
 * {@link InboundMessages} given at creation, one at a time, in arrival order; it says which to acknowledge. After
 * {@link #keepReconnecting()}, a lost connection is reconnected with backoff, subscriptions made again and unsent
 * messages sent, until {@link #disconnect()}.
 */
interface BrokerLink {
    /** @return the protocol this link speaks */
    MqttProtocol protocol();

    /** @return completes once the broker accepted the connection; fails with the reason it did not */
    CompletableFuture<Void> connect();

    /** From now on, reconnect after every loss of the connection, until {@link #disconnect()}. */
    void keepReconnecting();

    /**
     * @param filters topic filters, subscribed with QoS 1
     * @return completes with the filters the broker refused, each with its reason (empty: all granted)
     */
    CompletableFuture<List<String>> subscribe(List<String> filters);

    /** @return completes once every message received so far has been handed to the handler */
    CompletableFuture<Void> afterInbound();

    /** @return completes once the broker acknowledged the message (QoS 1); fails if it cannot be sent */
    CompletableFuture<Void> publish(OutgoingMessage message);

    /** @return whether the connection is up now */
    boolean isConnected();

    /** Stops reconnecting and disconnects. @return completes once disconnected */
    CompletableFuture<Void> disconnect();
}
