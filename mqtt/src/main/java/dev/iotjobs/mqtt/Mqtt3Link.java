package dev.iotjobs.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The bridge's connection over MQTT 3.1.1. */
final class Mqtt3Link extends HiveMqLink {
    private final Mqtt3AsyncClient client;

    Mqtt3Link(LinkSettings settings, InboundMessages inbound) {
        super(settings, inbound);
        Mqtt3ClientBuilder builder = baseBuilder(settings).useMqttVersion3();
        if (settings.username() != null) {
            builder = builder.simpleAuth().username(settings.username())
                    .password(settings.password() == null ? new byte[0] : settings.password()).applySimpleAuth();
        }
        client = builder.buildAsync();
        // Acknowledged by hand: a message the bridge does not take (it is closing) goes back to its shared group.
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> {
            if (inbound.take(publish.getTopic().toString(), publish.getPayloadAsBytes())) {
                publish.acknowledge();
            }
        }, inboundThread, true);
    }

    @Override
    public MqttProtocol protocol() {
        return MqttProtocol.V3_1_1;
    }

    @Override
    public CompletableFuture<Void> connect() {
        return client.connectWith().cleanSession(true).send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<List<String>> subscribe(List<String> filters) {
        Mqtt3Subscribe subscribe = Mqtt3Subscribe.builder().addSubscriptions(filters.stream()
                .map(filter -> Mqtt3Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build()))
                .build();
        return client.subscribe(subscribe).thenApply(ack -> {
            List<String> refused = new ArrayList<>();
            List<Mqtt3SubAckReturnCode> codes = ack.getReturnCodes();
            for (int i = 0; i < filters.size(); i++) {
                if (i >= codes.size() || codes.get(i).isError()) {
                    refused.add(filters.get(i) + " (" + (i < codes.size() ? codes.get(i) : "no return code") + ")");
                }
            }
            return refused;
        });
    }

    @Override
    protected CompletableFuture<Void> sendPublish(OutgoingMessage message) {
        try {
            return client.publishWith().topic(message.topic()).qos(MqttQos.AT_LEAST_ONCE).payload(message.payload())
                    .send().thenApply(sent -> null);
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
