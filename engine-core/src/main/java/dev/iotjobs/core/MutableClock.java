package dev.iotjobs.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock moved by hand, for tests of a service that embeds the engine: give it to
 * {@link JobsEngine.Builder#clock} and {@link #advance} it to make timeouts, retries, rollout windows and schedules
 * come due, then call {@link JobsEngine#runDueWork()}. Thread-safe; always UTC.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    /** @param start the first instant */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** @param duration how far to move */
    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
