package dev.iotjobs.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 file near the size of its data while the store runs, as H2's background writer would. With
 * {@code WRITE_DELAY 0} (durable commits, {@link JdbcJobRepository#create}) H2 starts no background writer, and that
 * writer is what compacts: every commit appends a chunk to the file, a chunk's space is reused only once none of its
 * pages is live and it is older than H2's retention time (45 s), and nothing rewrites the few live pages of old
 * chunks until the database closes. Under steady device updates the file grew by the commit rate times 45 s of chunks,
 * plus a sparse chunk for every page left cold (36 GB for a million things, issue 12).
 *
 * <p>Each round, once a {@link #PERIOD}:
 * <ol>
 *   <li>forces the file to the disk ({@code fsync}), so that every chunk older than a round is on the disk; that is
 *       what lets H2's retention time be {@link #RETENTION} instead of 45 s (H2's documentation: the retention time
 *       must cover the time the operating system takes to write the file; "to manually flush the buffers, use
 *       CHECKPOINT SYNC", which is this call);</li>
 *   <li>rewrites the live pages of the emptiest chunks while their fill rate is below {@link #TARGET_FILL_RATE}, for
 *       at most {@link #ROUND_BUDGET} (H2's store lock is held meanwhile: commits wait).</li>
 * </ol>
 * The retention time is the open database's, not stored in the file: the store's close gives H2 its own back.
 *
 * <p>Only for a database this process opened ({@code jdbc:h2:file:}): an H2 server runs its own file, and an
 * in-memory database has none. The calls are H2's MVStore API, reached through its engine classes; on an H2 whose
 * classes differ, the rounds stop with one warning and the store goes on without them.
 */
final class H2FileMaintenance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileMaintenance.class);
    /** The rounds' thread is named this, then the file's name. */
    static final String THREAD_NAME = "iotjobs-h2-maintenance";
    /** How often a round runs. */
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** H2's retention time while the rounds run: two rounds, so that a chunk is synced before its space is reused. */
    static final Duration RETENTION = PERIOD.multipliedBy(2);
    /** Below this share of live pages in the file's chunks a round rewrites. */
    static final int TARGET_FILL_RATE = 50;
    /** Live bytes one rewrite moves at most. */
    private static final int WRITE_LIMIT = 2 << 20;
    /** How long a round may go on rewriting: a tenth of its period. */
    static final Duration ROUND_BUDGET = PERIOD.dividedBy(10);

    private final HeldConnection held;
    private final int h2Retention;
    private final long budgetNanos;
    private final ScheduledExecutorService rounds;
    private volatile boolean closing;

    private H2FileMaintenance(HeldConnection held, MVStore store, Duration period) {
        this.held = held;
        this.h2Retention = store.getRetentionTime();
        // The budget and the retention follow a period shortened by a test.
        this.budgetNanos = Math.min(ROUND_BUDGET.toNanos(), period.dividedBy(10).toNanos());
        store.setRetentionTime((int) Math.min(RETENTION.toMillis(), period.multipliedBy(2).toMillis()));
        String fileName = store.getFileStore().getFileName();
        this.rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME + " " + fileName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, period.toMillis());
        rounds.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * @param held the connection that keeps the database open; each round finds the file through it (no connection
     *     is borrowed from the host's pool)
     * @param period how often a round runs ({@link #PERIOD}; tests go faster)
     * @return the rounds, running; null if the database is not a file this process opened
     */
    static H2FileMaintenance startIfLocalFile(HeldConnection held, Duration period) {
        MVStore store;
        try {
            store = held.inspect(H2FileMaintenance::store);
        } catch (SQLException | LinkageError | ClassCastException e) {
            LOG.warn("cannot reach the H2 file of the iotjobs store to keep it compact while it runs ({}); H2 "
                    + "compacts it when the database closes", e.toString());
            return null;
        }
        return store == null ? null : new H2FileMaintenance(held, store, period);
    }

    /** One round: the file to the disk, then rewrites of the emptiest chunks while the budget lasts. */
    private void round() {
        try {
            MVStore store = held.inspect(H2FileMaintenance::store);
            if (store == null || closing) {
                return;
            }
            store.sync();
            long end = System.nanoTime() + budgetNanos;
            while (!closing && System.nanoTime() - end < 0 && store.compact(TARGET_FILL_RATE, WRITE_LIMIT)) {
                // compact returns false once the chunks are full enough
            }
        } catch (SQLException e) {
            LOG.debug("H2 file maintenance round skipped: {}", e.toString());
        } catch (LinkageError | ClassCastException e) {
            LOG.warn("H2 file maintenance stopped: this H2's classes differ from the ones the store was built with "
                    + "({}); H2 compacts the file when the database closes", e.toString());
            closing = true;
            rounds.shutdown();
            restoreRetention();
        } catch (RuntimeException e) {
            // the database closing under the round: the next round, or the store's close, takes over
            LOG.debug("H2 file maintenance round ended early: {}", e.toString());
        }
    }

    /** @return the MVStore of a file database open in this process, else null */
    private static MVStore store(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            return null; // a remote H2 server
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.isClosed() || store.getFileStore() == null ? null : store; // in memory: no file
    }

    private void restoreRetention() {
        try {
            MVStore store = held.inspect(H2FileMaintenance::store);
            if (store != null) {
                store.setRetentionTime(h2Retention);
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            LOG.debug("H2's retention time not restored: {}", e.toString());
        }
    }

    /**
     * Stops the rounds, waiting for one that runs, and gives H2 its retention time back. Never by interrupting the
     * round: an interrupt during H2's file I/O closes the file's channel under the database.
     */
    @Override
    public void close() {
        closing = true;
        rounds.shutdown();
        try {
            if (!rounds.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("an H2 file maintenance round did not end within 10 s of the store's close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        restoreRetention();
    }
}
