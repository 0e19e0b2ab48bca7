package dev.iotjobs.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The bridge's connection over MQTT 5. */
final class Mqtt5Link extends HiveMqLink {
    private final Mqtt5AsyncClient client;

    Mqtt5Link(LinkSettings settings, InboundMessages inbound) {
        super(settings, inbound);
        Mqtt5ClientBuilder builder = baseBuilder(settings).useMqttVersion5();
        if (settings.username() != null) {
            builder = builder.simpleAuth().username(settings.username())
                    .password(settings.password() == null ? new byte[0] : settings.password()).applySimpleAuth();
        }
        client = builder.buildAsync();
        // Every message, whichever subscription (shared or not) brought it: routing is by topic.
        // Acknowledged by hand: a message the bridge does not take (it is closing) goes back to its shared group.
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> {
            if (inbound.take(publish.getTopic().toString(), publish.getPayloadAsBytes())) {
                publish.acknowledge();
            }
        }, inboundThread, true);
    }

    @Override
    public MqttProtocol protocol() {
        return MqttProtocol.V5;
    }

    @Override
    public CompletableFuture<Void> connect() {
        // A clean session each time: requests sent while the bridge was away are the devices' to retry.
        return client.connectWith().cleanStart(true).sessionExpiryInterval(0).send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<List<String>> subscribe(List<String> filters) {
        Mqtt5Subscribe subscribe = Mqtt5Subscribe.builder().addSubscriptions(filters.stream()
                .map(Mqtt5Link::subscription)).build();
        return client.subscribe(subscribe).thenApply(ack -> {
            List<String> refused = new ArrayList<>();
            List<Mqtt5SubAckReasonCode> codes = ack.getReasonCodes();
            for (int i = 0; i < filters.size(); i++) {
                if (i >= codes.size() || codes.get(i).isError()) {
                    refused.add(filters.get(i) + " (" + (i < codes.size() ? codes.get(i) : "no reason code") + ")");
                }
            }
            return refused;
        });
    }

    /**
     * With No Local, the broker does not send the bridge back what it publishes itself ({@code .../jobs/+} also
     * matches its {@code notify} and {@code notify-next}). MQTT 5 forbids No Local on a shared subscription: there
     * one member of the group gets each of them back, and the bridge ignores it.
     */
    static Mqtt5Subscription subscription(String filter) {
        return Mqtt5Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                .noLocal(!MqttTopicFilter.of(filter).isShared()).build();
    }

    @Override
    protected CompletableFuture<Void> sendPublish(OutgoingMessage message) {
        try {
            return client.publishWith().topic(message.topic()).qos(MqttQos.AT_LEAST_ONCE).payload(message.payload())
                    .send().thenCompose(result -> result.getError()
                            .<CompletableFuture<Void>>map(CompletableFuture::failedFuture)
                            .orElseGet(() -> CompletableFuture.completedFuture(null)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean isConnected() {
        return client.getState().isConnected();
    }

    @Override
    protected CompletableFuture<Void> sendDisconnect() {
        return client.disconnect();
    }
}
