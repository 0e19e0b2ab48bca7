package dev.iotjobs.mqtt;

import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.ThingEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's event listener: turns thing events into {@code notify} / {@code notify-next} (SPEC E4) and, when
 * enabled, job events into jobs events (E5), and publishes them. The engine calls a listener on the thread that
 * committed (or relayed), so this only queues: one thread per kind builds and publishes, in delivery order, which
 * keeps every thing's notifications in commit order. Nothing is published before {@link #open()}: events that
 * arrive while the bridge is still connecting wait.
 */
final class EventPublisher implements Consumer<EngineEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final Consumer<OutgoingMessage> publisher;
    private final JobsEventMessages jobsEvents;
    private final ExecutorService notifications = Executors.newSingleThreadExecutor(
            runnable -> daemon(runnable, "iotjobs-mqtt-notify"));
    private final ExecutorService jobsEventThread;
    private final CountDownLatch open = new CountDownLatch(1);

    /**
     * @param publisher publishes a message (without blocking)
     * @param jobsEvents builds jobs events, or null when they are not published
     */
    EventPublisher(Consumer<OutgoingMessage> publisher, JobsEventMessages jobsEvents) {
        this.publisher = publisher;
        this.jobsEvents = jobsEvents;
        // Jobs events read the job (a store call): a thread of their own keeps them from delaying notifications.
        this.jobsEventThread = jobsEvents == null ? null : Executors.newSingleThreadExecutor(
                runnable -> daemon(runnable, "iotjobs-mqtt-jobs-events"));
    }

    @Override
    public void accept(EngineEvent event) {
        try {
            if (event instanceof ThingEvent thing) {
                notifications.execute(() -> publish(() -> Optional.of(DeviceNotifications.of(thing)), event));
            } else if (event instanceof JobEvent job && jobsEventThread != null) {
                jobsEventThread.execute(() -> publish(() -> jobsEvents.of(job), event));
            }
        } catch (RejectedExecutionException e) {
            LOG.debug("not published (the bridge is closing): {}", event);
        }
    }

    /** Lets the queued and later events be published: the connection is up. */
    void open() {
        open.countDown();
    }

    /** Publishes what was queued (waiting at most {@code wait}), then stops. */
    void close(Duration wait) {
        notifications.shutdown();
        if (jobsEventThread != null) {
            jobsEventThread.shutdown();
        }
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            if (!notifications.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warn("closing with device notifications still unpublished");
                notifications.shutdownNow();
            }
            if (jobsEventThread != null && !jobsEventThread.awaitTermination(
                    Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("closing with jobs events still unpublished");
                jobsEventThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            notifications.shutdownNow();
            if (jobsEventThread != null) {
                jobsEventThread.shutdownNow();
            }
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once, dropping what was queued (a start that failed). */
    void abandon() {
        notifications.shutdownNow();
        if (jobsEventThread != null) {
            jobsEventThread.shutdownNow();
        }
    }

    private void publish(Supplier<Optional<OutgoingMessage>> message, EngineEvent event) {
        try {
            open.await();
            message.get().ifPresent(publisher);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("could not publish the MQTT message of {}", event, e);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
