package dev.iotjobs.core;

import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.QueueNotice;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.StaleStateException;
import dev.iotjobs.spi.ThingNotice;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load, decide, commit (SPEC C3): runs an attempt, commits its decision, and when the store reports stale state
 * (another thread or node changed a row in between) runs the attempt again on fresh state, a bounded number
 * of times, after a jittered exponential pause.
 */
final class CommitLoop {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLoop.class);
    /** The ceiling of the second retry's pause; it doubles with every further stale attempt. */
    static final long BASE_BACKOFF_MICROS = 50;
    /** The longest pause between two attempts: 64 attempts wait at most about 0.6 s in all. */
    static final long MAX_BACKOFF_MICROS = 10_000;
    private final JobRepository repository;
    private final EventDispatcher events;
    private final int maxAttempts;
    private final int maxPendingReturned;
    private final boolean deviceNotifications;

    /**
     * @param repository the store
     * @param events the relay to run after each commit
     * @param maxAttempts attempts before giving up on stale state
     * @param maxPendingReturned most summaries a notify event carries (SPEC E4, X12)
     * @param deviceNotifications whether commits emit the notify and notify-next events
     */
    CommitLoop(JobRepository repository, EventDispatcher events, int maxAttempts, int maxPendingReturned,
               boolean deviceNotifications) {
        this.repository = repository;
        this.events = events;
        this.maxAttempts = maxAttempts;
        this.maxPendingReturned = maxPendingReturned;
        this.deviceNotifications = deviceNotifications;
    }

    /** The rules build notices with AWS's limit; the engine's own limit, or none when notifications are off. */
    private Changeset withEngineNotices(Changeset changes) {
        if (changes.thingNotices().isEmpty()) {
            return changes;
        }
        if (!deviceNotifications) {
            return changes.withThingNotices(List.of());
        }
        if (maxPendingReturned == QueueNotice.DEFAULT_MAX_RETURNED) {
            return changes;
        }
        List<ThingNotice> notices = new ArrayList<>(changes.thingNotices().size());
        for (ThingNotice notice : changes.thingNotices()) {
            notices.add(((QueueNotice) notice).withMaxReturned(maxPendingReturned));
        }
        return changes.withThingNotices(notices);
    }

    /**
     * @param attempt loads what it needs and decides; may throw a {@link JobsException} for a missing resource,
     *     or {@link StaleStateException} when what it read does not fit together
     * @param <R> the response type
     * @return the response of the decision that committed
     */
    /** The change is committed: a failing delivery must not report it as failed; the outbox keeps the events. */
    private void deliver() {
        try {
            events.relayAfterCommit();
        } catch (RuntimeException e) {
            LOG.warn("event delivery failed; undelivered events stay in the store", e);
        }
    }

    <R> R run(Supplier<Either<JobsException, Decision<R>>> attempt) {
        StaleStateException last = null;
        for (int i = 0; i < maxAttempts; i++) {
            Decision<R> decision;
            try {
                decision = attempt.get().getOrElseThrow(error -> error);
                if (decision.changes().isEmpty()) {
                    return decision.response();
                }
                repository.commit(withEngineNotices(decision.changes()));
            } catch (StaleStateException e) {
                last = e;
                backOff(i);
                continue;
            }
            if (!decision.changes().events().isEmpty() || !decision.changes().completions().isEmpty()
                    || !decision.changes().thingNotices().isEmpty()) {
                deliver();
            }
            return decision.response();
        }
        throw new ServiceUnavailableException("state kept changing under the operation; gave up after "
                + maxAttempts + " attempts", last);
    }

    /**
     * Waits before the next attempt: the first retry goes at once (most races are one other commit), later ones
     * after a random pause of up to 50 µs doubling per attempt, capped at {@value #MAX_BACKOFF_MICROS} µs ("full
     * jitter"), so that operations that keep colliding spread out instead of retrying in lockstep.
     *
     * @param failedAttempt the attempt that was stale, from 0
     */
    static void backOff(int failedAttempt) {
        if (failedAttempt == 0) {
            Thread.yield();
            return;
        }
        long ceiling = Math.min(MAX_BACKOFF_MICROS, BASE_BACKOFF_MICROS << Math.min(failedAttempt - 1, 20));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, ceiling + 1) * 1_000L);
    }
}
