package dev.iotjobs.bench;

import dev.iotjobs.api.ThingRegistry;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The thing names of a round-trip benchmark, cut into one slice per benchmark thread, each slice registered in its
 * own group ({@code fleet-slice-N}) under the root group {@code fleet}. Each benchmark's JMH state extends it to give
 * the fleet's size as a parameter with its own default.
 */
abstract class Slices {
    /** The root group: a job on it reaches every slice. */
    static final String ROOT = "fleet";

    List<List<String>> slices;
    private final AtomicInteger claimed = new AtomicInteger();

    /** @return how many things the fleet has, over all threads */
    abstract int size();

    /** @param params tells how many threads will run */
    @Setup(Level.Trial)
    public void cut(BenchmarkParams params) {
        cut(params.getThreads());
    }

    void cut(int threads) {
        int perSlice = size() / threads;
        slices = new ArrayList<>(threads);
        for (int s = 0; s < threads; s++) {
            slices.add(Fleet.thingNames("device", s * perSlice, perSlice));
        }
    }

    /** @return the next slice nobody has claimed */
    int claim() {
        return claimed.getAndIncrement();
    }

    static String groupOf(int slice) {
        return ROOT + "-slice-" + slice;
    }

    /**
     * Registers the root group, then each slice's group and things.
     *
     * @param registry the engine's thing registry
     * @param threads how many threads register the things of a slice
     */
    void register(ThingRegistry registry, int threads) throws InterruptedException {
        registry.createThingGroup(CreateThingGroupRequest.builder().thingGroupName(ROOT).build());
        for (int s = 0; s < slices.size(); s++) {
            Fleet.registerInParallel(registry, groupOf(s), ROOT, slices.get(s), threads);
        }
    }
}
