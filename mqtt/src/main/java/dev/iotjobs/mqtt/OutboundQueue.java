package dev.iotjobs.mqtt;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The bridge's QoS 1 publishes across lost connections: each one at least once, in the order published, and never
 * resent as a duplicate (DUP) PUBLISH.
 *
 * <p>While the connection is down, messages wait here. When it is lost with messages the broker had not
 * acknowledged, the client fails them (the bridge's sessions are clean, so the broker forgets them too) and they
 * wait here again, in their first order. Once connected, {@link #flush()} publishes them as new messages. Why not
 * let the MQTT client resend them itself: it sets DUP on a resend, and Moquette 0.17 (the embedded broker) routes a
 * DUP PUBLISH to nobody and, on a topic that has subscribers, kills one of its session threads with it, wedging
 * every client bound to that thread.
 */
final class OutboundQueue {
    private record Pending(long sequence, OutgoingMessage message, CompletableFuture<Void> acknowledged) {
    }

    private final Function<OutgoingMessage, CompletableFuture<Void>> send;
    private final BooleanSupplier connected;
    // Guarded by this.
    private final TreeMap<Long, Pending> waiting = new TreeMap<>();
    private long nextSequence;
    private Throwable closedBecause;

    /**
     * @param send publishes one message with the MQTT client; completes once the broker acknowledged it
     * @param connected whether the client is connected now
     */
    OutboundQueue(Function<OutgoingMessage, CompletableFuture<Void>> send, BooleanSupplier connected) {
        this.send = send;
        this.connected = connected;
    }

    /** @return completes once the broker acknowledged the message; fails if it cannot be or the queue closed */
    synchronized CompletableFuture<Void> publish(OutgoingMessage message) {
        Pending pending = new Pending(nextSequence++, message, new CompletableFuture<>());
        if (closedBecause != null) {
            pending.acknowledged().completeExceptionally(closedBecause);
        } else if (!connected.getAsBoolean()) {
            waiting.put(pending.sequence(), pending);
        } else if (!waiting.isEmpty()) {
            // Older messages are still waiting: they go first.
            waiting.put(pending.sequence(), pending);
            flush();
        } else {
            send(pending);
        }
        return pending.acknowledged();
    }

    /** The connection is up (again): publishes what waited, oldest first. */
    synchronized void flush() {
        if (closedBecause != null || !connected.getAsBoolean()) {
            return;
        }
        // What fails while this runs waits for the next connection, not for this loop.
        List<Pending> due = new ArrayList<>(waiting.values());
        waiting.clear();
        due.forEach(this::send);
    }

    /** @return how many messages wait for a connection */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Fails what waits and everything published from now on with {@code cause}. */
    void close(Throwable cause) {
        List<Pending> dropped;
        synchronized (this) {
            closedBecause = cause;
            dropped = new ArrayList<>(waiting.values());
            waiting.clear();
        }
        dropped.forEach(pending -> pending.acknowledged().completeExceptionally(cause));
    }

    /** Called holding the lock, so that messages reach the client in sequence order. */
    private void send(Pending pending) {
        CompletableFuture<Void> sent;
        try {
            sent = send.apply(pending.message());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ignored, failure) -> {
            if (failure == null) {
                pending.acknowledged().complete(null);
            } else if (lostWithTheConnection(failure)) {
                requeue(pending);
            } else {
                pending.acknowledged().completeExceptionally(failure);
            }
        });
    }

    private void requeue(Pending pending) {
        Throwable closed;
        synchronized (this) {
            closed = closedBecause;
            if (closed == null) {
                waiting.put(pending.sequence(), pending);
            }
        }
        if (closed != null) {
            pending.acknowledged().completeExceptionally(closed);
        }
    }

    /** Whether the message failed only because the connection (and so the clean session) went away. */
    static boolean lostWithTheConnection(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof MqttSessionExpiredException || cause instanceof MqttClientStateException
                || cause instanceof ConnectionClosedException || cause instanceof ConnectionFailedException;
    }
}
