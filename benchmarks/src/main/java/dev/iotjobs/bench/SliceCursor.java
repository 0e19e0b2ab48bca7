package dev.iotjobs.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * One benchmark thread's position in its own slice of things, walked round and round. Each benchmark's JMH state
 * extends it with the set-up that claims a slice of its {@link Slices}.
 */
abstract class SliceCursor {
    String[] things;
    String group;
    int next;
    /** Whole walks through the slice completed in this iteration. */
    int passes;
    /** Jobs this thread had to queue on its slice inline in this iteration. */
    int refills;

    /** @param slices the slices to claim one of */
    void claimFrom(Slices slices) {
        int slice = slices.claim();
        things = slices.slices.get(slice).toArray(String[]::new);
        group = Slices.groupOf(slice);
    }

    /** Every iteration starts at the first thing: fresh jobs queued executions for each. */
    @Setup(Level.Iteration)
    public void rewind() {
        next = 0;
        passes = 0;
        refills = 0;
    }

    /** @return whether the next thing starts a new walk through the slice */
    boolean atEndOfPass() {
        return next == things.length;
    }

    /** @return the next thing, from the first again after the last */
    String nextThing() {
        if (next == things.length) {
            next = 0;
            passes++;
        }
        return things[next++];
    }
}
