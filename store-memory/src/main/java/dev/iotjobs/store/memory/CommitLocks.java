package dev.iotjobs.store.memory;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.locks.StampedLock;

/**
 * The locks of the store, always taken in this order: the gate, then thing stripes in stripe order, then one job
 * monitor, then the event log's.
 *
 * <ul>
 *   <li>The <b>gate</b> is held shared by every query and by device commits, exclusively by every other commit and
 *       by the queries that read across jobs or things (listings, due queries): those see whole commits and never
 *       run beside a device commit.</li>
 *   <li>A <b>thing stripe</b> is held exclusively by a device commit writing one of its things' executions or reading
 *       its queue for a notice, shared by the queries of one thing's executions: a thing's rows change one commit at
 *       a time and its readers see them whole.</li>
 *   <li>A <b>job monitor</b> is held by a device commit while it adds its counter delta, decides its completion and
 *       numbers its events: commits on one job count, complete (once) and number their events one after the other,
 *       so events follow the commit order per job and per thing (SPEC E2).</li>
 * </ul>
 * A {@link StampedLock} rather than a {@code ReentrantReadWriteLock}: a shared hold is one compare-and-set with no
 * per-thread hold count, and nothing here takes a lock it already holds.
 */
final class CommitLocks {
    private static final int STRIPES = 256;

    private final StampedLock gate = new StampedLock();
    private final StampedLock[] things = new StampedLock[STRIPES];
    private final Object[] jobs = new Object[STRIPES];

    CommitLocks() {
        for (int i = 0; i < STRIPES; i++) {
            things[i] = new StampedLock();
            jobs[i] = new Object();
        }
    }

    /** @return the stamp for {@link #release} */
    long shareGate() {
        return gate.readLock();
    }

    /** @return the stamp for {@link #release} */
    long closeGate() {
        return gate.writeLock();
    }

    /** @param stamp the stamp of {@link #shareGate} or {@link #closeGate} */
    void release(long stamp) {
        gate.unlock(stamp);
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

    /** @return the monitor of the job's stripe */
    Object jobMonitor(String jobId) {
        return jobs[stripe(jobId)];
    }

    private static int stripe(String name) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
