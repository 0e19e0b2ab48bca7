package dev.iotjobs.core;

import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.StaleStateException;
import io.vavr.control.Either;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load, decide, commit (SPEC C3): runs an attempt, commits its decision, and when the store reports stale state
 * (another thread or node changed a row in between) runs the attempt again on fresh state, a bounded number
 * of times.
 */
final class CommitLoop {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLoop.class);
    private final JobRepository repository;
    private final EventDispatcher events;
    private final int maxAttempts;

    CommitLoop(JobRepository repository, EventDispatcher events, int maxAttempts) {
        this.repository = repository;
        this.events = events;
        this.maxAttempts = maxAttempts;
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
                repository.commit(decision.changes());
            } catch (StaleStateException e) {
                last = e;
                Thread.yield();
                continue;
            }
            if (!decision.changes().events().isEmpty() || !decision.changes().completions().isEmpty()) {
                deliver();
            }
            return decision.response();
        }
        throw new ServiceUnavailableException("state kept changing under the operation; gave up after "
                + maxAttempts + " attempts", last);
    }
}
