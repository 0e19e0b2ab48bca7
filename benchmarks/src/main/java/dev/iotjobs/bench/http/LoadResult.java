package dev.iotjobs.bench.http;

/**
 * What one {@link HttpLoadGenerator} run measured. The measured counts are those whose answer arrived inside the
 * measured window; the totals add the warm-up and the drain (each device finishes the round trip it is in).
 *
 * @param connections the connections driven
 * @param seconds the measured window's length
 * @param roundTrips round trips (StartNext that started an execution, then its update answered 2xx) in the window
 * @param calls HTTP calls answered in the window, whatever their status
 * @param errors calls answered with a status other than 2xx in the window
 * @param empty StartNext calls answered {@code {}} (nothing pending) in the window: not round trips
 * @param p50Micros median call latency in the window
 * @param p99Micros 99th-percentile call latency in the window
 * @param totalRoundTrips round trips over the whole run
 * @param totalErrors non-2xx answers over the whole run
 * @param failedConnections connections that failed or were closed by the server before the end
 * @param generatorCpuSeconds CPU time of the generator's own process in the window
 */
public record LoadResult(int connections, double seconds, long roundTrips, long calls, long errors, long empty,
                         long p50Micros, long p99Micros, long totalRoundTrips, long totalErrors,
                         int failedConnections, double generatorCpuSeconds) {
    /** @return round trips per second in the window */
    public double roundTripsPerSecond() {
        return roundTrips / seconds;
    }

    /** @return HTTP calls per second in the window */
    public double callsPerSecond() {
        return calls / seconds;
    }

    @Override
    public String toString() {
        return String.format("connections=%d seconds=%.2f roundTrips/s=%.0f calls/s=%.0f errors=%d empty=%d "
                        + "p50=%dus p99=%dus totalRoundTrips=%d totalErrors=%d failedConnections=%d "
                        + "generatorCpuSecondsPer1000Calls=%.4f",
                connections, seconds, roundTripsPerSecond(), callsPerSecond(), errors, empty, p50Micros, p99Micros,
                totalRoundTrips, totalErrors, failedConnections,
                calls == 0 ? 0.0 : generatorCpuSeconds / (calls / 1000.0));
    }
}
