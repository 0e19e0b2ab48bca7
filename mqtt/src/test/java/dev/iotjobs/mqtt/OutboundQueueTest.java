package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Publishing across lost connections, without a broker: a fake client that acknowledges or fails on command. */
class OutboundQueueTest {
    private final List<String> handedToClient = new ArrayList<>();
    private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    private boolean connected = true;
    private final OutboundQueue queue = new OutboundQueue(message -> {
        handedToClient.add(new String(message.payload(), StandardCharsets.UTF_8));
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        inFlight.add(acknowledged);
        return acknowledged;
    }, () -> connected);

    private CompletableFuture<Void> publish(String payload) {
        return queue.publish(new OutgoingMessage("$aws/things/t1/jobs/notify", payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static MqttSessionExpiredException sessionExpired() {
        return new MqttSessionExpiredException("Session expired as connection was closed.", null);
    }

    @Test
    void w5_whatTheBrokerDidNotAcknowledgeWhenTheConnectionWentIsPublishedAgainInOrderOnceConnected() {
        CompletableFuture<Void> first = publish("1");
        CompletableFuture<Void> second = publish("2");
        inFlight.get(0).complete(null);
        assertThat(first).isCompleted();

        // The connection is lost with "2" unacknowledged; "3" is published while it is down.
        connected = false;
        inFlight.get(1).completeExceptionally(new CompletionException(sessionExpired()));
        CompletableFuture<Void> third = publish("3");
        assertThat(second).isNotDone();
        assertThat(queue.waiting()).isEqualTo(2);
        assertThat(handedToClient).containsExactly("1", "2");

        connected = true;
        queue.flush();
        // Published as new messages, oldest first: never a DUP resend by the client.
        assertThat(handedToClient).containsExactly("1", "2", "2", "3");
        inFlight.get(2).complete(null);
        inFlight.get(3).complete(null);
        assertThat(second).isCompleted();
        assertThat(third).isCompleted();
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void aMessagePublishedWhileOlderOnesWaitGoesAfterThem() {
        connected = false;
        publish("1");
        connected = true;          // up again, but the connected callback has not flushed yet
        publish("2");
        assertThat(handedToClient).containsExactly("1", "2");
    }

    @Test
    void aRefusalByTheBrokerIsNotRetried() {
        CompletableFuture<Void> refused = publish("1");
        inFlight.get(0).completeExceptionally(new IllegalStateException("PUBACK: not authorized"));
        assertThat(refused).isCompletedExceptionally();
        assertThat(queue.waiting()).isZero();
        assertThat(handedToClient).containsExactly("1");
    }

    @Test
    void closingFailsWhatWaitsAndWhatComesAfter() {
        connected = false;
        CompletableFuture<Void> waiting = publish("1");
        queue.close(new IllegalStateException("the bridge disconnected"));
        assertThat(waiting).isCompletedExceptionally();
        assertThat(publish("2")).isCompletedExceptionally();
        connected = true;
        queue.flush();
        assertThat(handedToClient).isEmpty();
    }

    @Test
    void onlyLossesOfTheConnectionCountAsRetryable() {
        assertThat(OutboundQueue.lostWithTheConnection(new CompletionException(sessionExpired()))).isTrue();
        assertThat(OutboundQueue.lostWithTheConnection(
                new com.hivemq.client.mqtt.exceptions.MqttClientStateException("not connected"))).isTrue();
        assertThat(OutboundQueue.lostWithTheConnection(new IllegalArgumentException("topic"))).isFalse();
    }
}
