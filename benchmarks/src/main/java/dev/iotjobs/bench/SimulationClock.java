package dev.iotjobs.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock, which a simulation may skip forward (never back): a demo small enough to end before its
 * executions' one-minute timeouts would be due skips to the deadline instead of waiting for it. Thread-safe; UTC.
 */
final class SimulationClock extends Clock {
    private final AtomicLong skippedNanos = new AtomicLong();

    /** @param duration how far to move ahead of the system clock, on top of earlier skips */
    void skip(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a simulation clock only moves forward, got " + duration);
        }
        skippedNanos.addAndGet(duration.toNanos());
    }

    /** @return how far this clock is ahead of the system clock */
    Duration skipped() {
        return Duration.ofNanos(skippedNanos.get());
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
        return Instant.now().plusNanos(skippedNanos.get());
    }
}
