package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.StatusCounts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The jobs this node read, by job id, incarnation and revision (issue 12): a job's members change only with its
 * revision, so a read that finds the row at the cached incarnation and revision needs only the counts, which move
 * without it. Saves the read of the document and the JSON columns on every device operation. Bounded: past
 * {@link #MAX_JOBS} jobs it starts afresh (a fleet has few live jobs; the cache is for those).
 */
final class JobFactsCache {
    static final int MAX_JOBS = 4096;

    private record Entry(long incarnation, long revision, JobRecord record) {
    }

    private final Map<String, Entry> byJobId = new ConcurrentHashMap<>();

    /** @return a new incarnation for a job row being inserted: random, never 0 (rows stored before V11) */
    static long newIncarnation() {
        long incarnation;
        do {
            incarnation = ThreadLocalRandom.current().nextLong();
        } while (incarnation == 0);
        return incarnation;
    }

    /** @return whether the cache holds the job at all (then a lean read may do) */
    boolean knows(String jobId) {
        return byJobId.containsKey(jobId);
    }

    /**
     * @param incarnation the row's incarnation as read now, or null for a row without one
     * @param revision the row's revision as read now
     * @param counts the row's counts as read now
     * @return the cached job with those counts, or null when the row is not the one cached
     */
    JobRecord at(String jobId, Long incarnation, long revision, StatusCounts counts) {
        Entry entry = byJobId.get(jobId);
        if (entry == null || incarnation == null || entry.incarnation() != incarnation
                || entry.revision() != revision) {
            return null;
        }
        return entry.record().withCounts(counts);
    }

    /** Remembers a job as read in full, unless its row has no incarnation. */
    void put(Long incarnation, JobRecord record) {
        if (incarnation == null) {
            return;
        }
        if (byJobId.size() >= MAX_JOBS) {
            byJobId.clear();
        }
        byJobId.put(record.jobId(), new Entry(incarnation, record.revision(), record));
    }

    void forget(String jobId) {
        byJobId.remove(jobId);
    }
}
