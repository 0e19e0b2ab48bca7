package dev.iotjobs.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named sets of PostgreSQL server settings for the benchmarks' embedded server, on top of the durable defaults
 * {@link BenchDatabase} always sets (issue 12, item 8: the experiments that say where a round trip's commit time
 * goes). {@code default} changes nothing; the others are experiments, not settings to run a store with:
 * <ul>
 *   <li>{@code nofpw}: {@code full_page_writes=off}, so the first change of a page after a checkpoint logs the
 *       change only, not the whole 8 KB page (unsafe on a disk that can tear a page in a crash).</li>
 *   <li>{@code nockpt}: {@code checkpoint_timeout=1d}, {@code max_wal_size=64GB}, so no checkpoint starts during a
 *       trial: the pages written at set-up keep their page image, and the timed writes log none unless a page is
 *       new to the WAL since the last checkpoint (the server's start).</li>
 *   <li>{@code nofpw-nockpt}: both.</li>
 *   <li>{@code buffers1g}: {@code shared_buffers=1GB} instead of initdb's 128MB, so that the fleet's tables and
 *       indexes stay in the buffer cache and the devices' backends do not write out dirty pages to make room.</li>
 * </ul>
 * {@link #PROFILING} adds the statistics {@link PgRoundTripProfile} reads, which cost a little themselves.
 */
final class PgSettings {
    /** Timing of WAL writes and syncs in {@code pg_stat_wal}, and per-statement figures in pg_stat_statements. */
    static final Map<String, String> PROFILING = Map.of(
            "track_wal_io_timing", "on",
            "track_io_timing", "on",
            "shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.track", "all",
            "pg_stat_statements.track_planning", "on");

    private PgSettings() {
    }

    /**
     * @param name {@code default}, {@code nofpw}, {@code nockpt}, {@code nofpw-nockpt} or {@code buffers1g}
     * @return the server settings it names, in order
     * @throws IllegalArgumentException for any other name, so that a mistyped {@code -p pgSettings=} fails the trial
     *     instead of measuring the defaults
     */
    static Map<String, String> named(String name) {
        Map<String, String> settings = new LinkedHashMap<>();
        switch (name) {
            case "default" -> { }
            case "nofpw" -> noFullPageWrites(settings);
            case "nockpt" -> noCheckpoints(settings);
            case "buffers1g" -> settings.put("shared_buffers", "1GB");
            case "nofpw-nockpt" -> {
                noFullPageWrites(settings);
                noCheckpoints(settings);
            }
            default -> throw new IllegalArgumentException(
                    "pgSettings must be default, nofpw, nockpt, nofpw-nockpt or buffers1g, not " + name);
        }
        return settings;
    }

    private static void noFullPageWrites(Map<String, String> settings) {
        settings.put("full_page_writes", "off");
    }

    private static void noCheckpoints(Map<String, String> settings) {
        settings.put("checkpoint_timeout", "1d");
        settings.put("max_wal_size", "64GB");
    }
}
