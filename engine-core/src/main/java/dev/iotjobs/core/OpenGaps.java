package dev.iotjobs.core;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event sequence numbers the relay has found missing, each with when it was first found missing, kept as ranges:
 * one transaction that stored many events, still committing, leaves a gap as wide as its events, and a relay that
 * resumes at a place long behind the first stored event sees one as wide as what was dropped meanwhile. Not
 * thread-safe: the relay's state, used by one relaying thread at a time.
 */
final class OpenGaps {
    /** A range of missing numbers, [start, end), missing since {@code since}. */
    private record Range(long end, Instant since) {
    }

    private final TreeMap<Long, Range> ranges = new TreeMap<>();

    /** Keeps [from, to) as missing since {@code since}, where not already kept (those keep their own time). */
    void note(long from, long to, Instant since) {
        long next = from;
        Map.Entry<Long, Range> before = ranges.floorEntry(from);
        if (before != null && before.getValue().end() > next) {
            next = before.getValue().end();
        }
        while (next < to) {
            Map.Entry<Long, Range> kept = ranges.ceilingEntry(next);
            long end = kept == null ? to : Math.min(to, kept.getKey());
            if (end > next) {
                ranges.put(next, new Range(end, since));
            }
            next = kept == null ? to : Math.max(next, kept.getValue().end());
        }
    }

    /** @return when {@code number} was first found missing, or null if it is not kept */
    Instant since(long number) {
        Map.Entry<Long, Range> range = ranges.floorEntry(number);
        return range != null && range.getValue().end() > number ? range.getValue().since() : null;
    }

    /** Forgets {@code number} (it showed up). @return whether it was kept */
    boolean remove(long number) {
        Map.Entry<Long, Range> entry = ranges.floorEntry(number);
        if (entry == null || entry.getValue().end() <= number) {
            return false;
        }
        Range range = entry.getValue();
        ranges.remove(entry.getKey());
        if (entry.getKey() < number) {
            ranges.put(entry.getKey(), new Range(number, range.since()));
        }
        if (number + 1 < range.end()) {
            ranges.put(number + 1, new Range(range.end(), range.since()));
        }
        return true;
    }

    /** Forgets the ranges missing since before {@code deadline}: long dead, they will not fill. */
    void forgetMissingSince(Instant deadline) {
        ranges.values().removeIf(range -> range.since().isBefore(deadline));
    }

    /** @return the lowest kept number, or {@link Long#MAX_VALUE} if none */
    long lowest() {
        return ranges.isEmpty() ? Long.MAX_VALUE : ranges.firstKey();
    }

    void clear() {
        ranges.clear();
    }
}
