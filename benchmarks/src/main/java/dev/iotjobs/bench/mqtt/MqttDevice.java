package dev.iotjobs.bench.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import dev.iotjobs.bench.http.LatencyHistogram;
import dev.iotjobs.bench.http.RoundTripTally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * One simulated device: one HiveMQ client connection (MQTT 3.1.1, clean session, the thing name as client id, as the
 * AWS device SDKs connect), subscribed at QoS 1 to its answer topics only ({@code start-next/accepted|rejected} and
 * {@code +/update/accepted|rejected}; not to its own request topics: Moquette 0.17 may then never acknowledge a
 * large publish). It loops: publish {@code start-next} with a fresh clientToken, wait for the answer that carries it,
 * then publish the started execution's {@code update} to SUCCEEDED with its {@code expectedVersion}, wait for that
 * answer; one request in flight at a time. Answers arrive on the client's callback threads; the device's state is
 * guarded by its monitor.
 */
final class MqttDevice {
    private final Mqtt3AsyncClient client;
    private final String thing;
    private final String jobsTopic;
    private final MqttLoadGenerator.Phase phase;
    private final CountDownLatch ended;

    private long requestNumber;
    private String expectedToken;
    private boolean updating;
    private long sentAt;
    private boolean done;

    /** Latencies of the calls answered in the window (publish to answer). */
    final LatencyHistogram latencies = new LatencyHistogram();
    /** Calls, round trips, errors and empty answers. */
    final RoundTripTally tally = new RoundTripTally();
    /** Answers whose clientToken was not the one awaited (none expected). */
    long strays;
    /** Why the device stopped early, or null. */
    String failure;

    MqttDevice(String host, int port, String thing, MqttLoadGenerator.Phase phase, CountDownLatch ended) {
        this.thing = thing;
        this.jobsTopic = "$aws/things/" + thing + "/jobs/";
        this.phase = phase;
        this.ended = ended;
        client = MqttClient.builder().useMqttVersion3().identifier(thing).serverHost(host).serverPort(port)
                .addDisconnectedListener(context -> lost(context.getCause()))
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::received);
    }

    /** @return completes when connected and subscribed (fails if the broker refused either) */
    CompletableFuture<Void> connect() {
        Mqtt3Subscribe subscribe = Mqtt3Subscribe.builder().addSubscriptions(List.of(
                        "start-next/accepted", "start-next/rejected", "+/update/accepted", "+/update/rejected")
                .stream().map(suffix -> Mqtt3Subscription.builder().topicFilter(jobsTopic + suffix)
                        .qos(MqttQos.AT_LEAST_ONCE).build()))
                .build();
        return client.connectWith().cleanSession(true).keepAlive(60).send()
                .thenCompose(ack -> client.subscribe(subscribe))
                .thenAccept(ack -> {
                    if (ack.getReturnCodes().stream().anyMatch(code -> code.isError())) {
                        throw new IllegalStateException("the broker refused a subscription of " + thing + ": "
                                + ack.getReturnCodes());
                    }
                });
    }

    /** Sends the first start-next. */
    synchronized void begin() {
        startNext();
    }

    /** @return completes when disconnected */
    CompletableFuture<Void> disconnect() {
        return client.disconnect().exceptionally(e -> null);
    }

    /** @param why why the device will not run (it could not connect) */
    synchronized void abandon(String why) {
        stop(why);
    }

    /** @return whether it finished its last round trip (or failed) */
    synchronized boolean isDone() {
        return done;
    }

    private synchronized void received(Mqtt3Publish publish) {
        if (done) {
            return;
        }
        long latency = System.nanoTime() - sentAt;
        MqttAnswer answer;
        try {
            answer = MqttAnswer.parse(publish.getPayloadAsBytes());
        } catch (IOException e) {
            stop("an answer that is not JSON on " + publish.getTopic() + ": " + e.getMessage());
            return;
        }
        if (expectedToken == null || !expectedToken.equals(answer.clientToken())) {
            strays++;
            return;
        }
        expectedToken = null;
        boolean measuring = phase.measuring();
        boolean accepted = publish.getTopic().toString().endsWith("/accepted");
        if (measuring) {
            latencies.record(latency);
        }
        if (!accepted && tally.totalErrors < 3) {
            System.err.println("mqtt load generator: " + thing + "'s " + (updating ? "update" : "start-next")
                    + " was rejected: " + new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
        }
        tally.call(measuring, accepted, updating && accepted);
        if (updating) {
            updating = false;
            startNext();
            return;
        }
        if (!accepted || answer.jobId() == null) {
            if (accepted) {
                tally.emptyAnswer(measuring);
            }
            startNext();
            return;
        }
        // A started execution is always finished, also when the run is stopping, so that no run leaves an
        // IN_PROGRESS behind and the server's counters equal the round trips made.
        updating = true;
        send(jobsTopic + answer.jobId() + "/update", "{\"status\":\"SUCCEEDED\",\"expectedVersion\":"
                + answer.versionNumber() + ",\"clientToken\":\"");
    }

    private void startNext() {
        if (phase.stopping()) {
            stop(null);
            return;
        }
        send(jobsTopic + "start-next", "{\"clientToken\":\"");
    }

    /** Publishes a request whose JSON ends with a fresh clientToken: {@code head} + token + {@code "}}. */
    private void send(String topic, String head) {
        expectedToken = thing + "-" + (++requestNumber);
        byte[] payload = (head + expectedToken + "\"}").getBytes(StandardCharsets.UTF_8);
        sentAt = System.nanoTime();
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                .whenComplete((sent, error) -> {
                    if (error != null) {
                        failed("a publish to " + topic + " failed: " + error);
                    }
                });
    }

    private synchronized void failed(String why) {
        if (!done) {
            tally.call(phase.measuring(), false, false);
            stop(why);
        }
    }

    private synchronized void lost(Throwable cause) {
        if (!done) {
            stop("the connection was lost: " + cause);
        }
    }

    private void stop(String why) {
        if (done) {
            return;
        }
        done = true;
        failure = why;
        if (why != null) {
            System.err.println("mqtt load generator: device " + thing + " stopped: " + why);
        }
        ended.countDown();
    }
}
