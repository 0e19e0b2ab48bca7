package dev.iotjobs.store.memory;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * The locks of the store, always taken in this order: the gate, then thing stripes in stripe order, then one job
 * lock, then the event log's.
 *
 * <ul>
 *   <li>The <b>gate</b> is held shared by every query and by device commits, exclusively by every other commit and
 *       by the queries that read across jobs or things (listings, due queries): those see whole commits and never
 *       run beside a device commit.</li>
 *   <li>A <b>thing stripe</b> is held exclusively by a device commit writing one of its things' executions or reading
 *       its queue for a notice, shared by the queries of one thing's executions: a thing's rows change one commit at
 *       a time and its readers see them whole.</li>
 *   <li>A <b>job lock</b> is held by a device commit while it adds its counter delta, decides its completion and
 *       numbers its events: commits on one job count, complete (once) and number their events one after the other,
 *       so events follow the commit order per job and per thing (SPEC E2).</li>
 * </ul>
 * A job lock is a {@link ReentrantLock}, not a monitor: two device threads on one job contend for it on every commit,
 * and a contended monitor spun so long that the CPU time per round trip tripled (RoundTripScalingProbe); the lock
 * parks instead. The gate and thing stripes are {@link StampedLock}s rather than
 * {@code ReentrantReadWriteLock}s: a shared hold is one
 * compare-and-set with no per-thread hold count, and nothing here takes a lock it already holds. The gate is striped
 * by thread (a thread shares one stripe, an exclusive holder takes all of them in order), so that threads sharing it
 * never write the same cache line; every lock is padded to a cache line of its own for the same reason.
 */
final class CommitLocks {
    private static final int STRIPES = 256;
    private static final int GATE_STRIPES = 8;
    /** {@link #closeGate}'s answer: no gate stripe is ever this. */
    private static final int CLOSED = -1;

    private final StampedLock[] gate = new StampedLock[GATE_STRIPES];
    private final StampedLock[] things = new StampedLock[STRIPES];
    private final ReentrantLock[] jobs = new ReentrantLock[STRIPES];

    CommitLocks() {
        for (int i = 0; i < GATE_STRIPES; i++) {
            gate[i] = new PaddedLock();
        }
        for (int i = 0; i < STRIPES; i++) {
            things[i] = new PaddedLock();
            jobs[i] = new PaddedJobLock();
        }
    }

    /** @return the hold for {@link #release} */
    int shareGate() {
        int stripe = (int) (Thread.currentThread().getId() & (GATE_STRIPES - 1));
        gate[stripe].readLock();
        return stripe;
    }

    /** @return the hold for {@link #release} */
    int closeGate() {
        for (StampedLock stripe : gate) {
            stripe.writeLock();
        }
        return CLOSED;
    }

    /** @param hold what {@link #shareGate} or {@link #closeGate} answered */
    void release(int hold) {
        if (hold == CLOSED) {
            for (int i = GATE_STRIPES - 1; i >= 0; i--) {
                gate[i].tryUnlockWrite();
            }
        } else {
            gate[hold].tryUnlockRead();
        }
    }

    /** @return the stamp for {@link #releaseThing} */
    long readThing(String thingName) {
        return things[stripe(thingName)].readLock();
    }

    /** @param thingName the thing of {@link #readThing} @param stamp its stamp */
    void releaseThing(String thingName, long stamp) {
        things[stripe(thingName)].unlockRead(stamp);
    }

    /**
     * @param thingNames the things a commit writes or reads the queues of
     * @return the stripes now held exclusively, for {@link #unlockThings}
     */
    int[] lockThings(Collection<String> thingNames) {
        int[] stripes = new int[thingNames.size()];
        int n = 0;
        for (String thingName : thingNames) {
            stripes[n++] = stripe(thingName);
        }
        Arrays.sort(stripes);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || stripes[distinct - 1] != stripes[i]) {
                stripes[distinct++] = stripes[i];
            }
        }
        int[] held = distinct == n ? stripes : Arrays.copyOf(stripes, distinct);
        for (int stripe : held) {
            things[stripe].writeLock();
        }
        return held;
    }

    /** @param held the stripes of {@link #lockThings} */
    void unlockThings(int[] held) {
        for (int i = held.length - 1; i >= 0; i--) {
            things[held[i]].tryUnlockWrite();
        }
    }

    /** @return the lock of the job's stripe, to hold around the commit's counters, completion and event numbers */
    ReentrantLock jobLock(String jobId) {
        return jobs[stripe(jobId)];
    }

    /** A lock alone on its cache line (the padding follows StampedLock's own fields). */
    @SuppressWarnings({"unused", "serial"})
    private static final class PaddedLock extends StampedLock {
        private long p1, p2, p3, p4, p5, p6, p7, p8;
    }

    /** A job lock alone on its cache line. */
    @SuppressWarnings({"unused", "serial"})
    private static final class PaddedJobLock extends ReentrantLock {
        private long p1, p2, p3, p4, p5, p6, p7, p8;
    }

    private static int stripe(String name) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
