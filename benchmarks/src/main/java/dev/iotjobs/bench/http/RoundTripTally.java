package dev.iotjobs.bench.http;

/**
 * What one device loop did: calls, errors, empty StartNext answers and round trips in the measured window, and round
 * trips and errors over the whole run (the server's counters must equal the whole run's round trips). One loop
 * writes it from one thread; the loops' tallies are summed after they ended.
 */
public final class RoundTripTally {
    /** Round trips in the measured window */
    public long roundTrips;
    /** Calls answered in the measured window */
    public long calls;
    /** Failed calls in the measured window */
    public long errors;
    /** StartNext answers without an execution in the measured window */
    public long empty;
    /** Round trips over the whole run */
    public long totalRoundTrips;
    /** Failed calls over the whole run */
    public long totalErrors;

    /**
     * @param measuring whether the measured window is open
     * @param ok whether the call succeeded
     * @param roundTrip whether it finished a round trip (a successful update)
     */
    public void call(boolean measuring, boolean ok, boolean roundTrip) {
        if (measuring) {
            calls++;
        }
        if (!ok) {
            totalErrors++;
            if (measuring) {
                errors++;
            }
        }
        if (roundTrip) {
            totalRoundTrips++;
            if (measuring) {
                roundTrips++;
            }
        }
    }

    /** @param measuring whether the measured window is open: a StartNext found nothing pending */
    public void emptyAnswer(boolean measuring) {
        if (measuring) {
            empty++;
        }
    }

    /** Adds another loop's tally to this one. */
    public void add(RoundTripTally other) {
        roundTrips += other.roundTrips;
        calls += other.calls;
        errors += other.errors;
        empty += other.empty;
        totalRoundTrips += other.totalRoundTrips;
        totalErrors += other.totalErrors;
    }
}
