package dev.iotjobs.bench.http;

/**
 * Counts latencies in buckets of about 3% width (32 per power of two, exact below 64 µs), for percentiles that cost
 * one array increment per call. Not thread-safe: one per connection, merged at the end.
 */
public final class LatencyHistogram {
    private static final int SUB_BUCKETS = 32;
    private static final int LINEAR = 64;
    private final long[] counts = new long[LINEAR + 58 * SUB_BUCKETS];
    private long total;

    /** @param nanos one latency, in nanoseconds */
    public void record(long nanos) {
        counts[index(Math.max(0, nanos / 1_000))]++;
        total++;
    }

    /** @param other a histogram whose counts to add to this one's */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    /** @return how many latencies were recorded */
    public long count() {
        return total;
    }

    /**
     * @param fraction 0.5 for the median, 0.99 for the 99th percentile
     * @return the latency below which that fraction of the recorded ones lie, in microseconds (the upper end of its
     *     bucket), or 0 without any
     */
    public long percentileMicros(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(counts.length - 1);
    }

    private static int index(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros); // >= 6
        int sub = (int) (micros >>> (exponent - 5)) & (SUB_BUCKETS - 1);
        return LINEAR + (exponent - 6) * SUB_BUCKETS + sub;
    }

    private static long upperBound(int index) {
        if (index < LINEAR) {
            return index + 1;
        }
        int exponent = (index - LINEAR) / SUB_BUCKETS + 6;
        int sub = (index - LINEAR) % SUB_BUCKETS;
        return ((long) (SUB_BUCKETS + sub + 1)) << (exponent - 5);
    }
}
