package dev.iotjobs.bench;

import dev.iotjobs.api.ThingRegistry;
import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * Registers simulated fleets through the public {@link ThingRegistry} API, as an operator would: things named
 * {@code <prefix>-000042}, each made a member of a thing group.
 */
public final class Fleet {
    private Fleet() {
    }

    /**
     * Creates a thing group, then the things and their memberships.
     *
     * @param registry the engine's thing registry
     * @param groupName the group to create
     * @param parentGroupName the group's parent, or null for a root group
     * @param thingNames the things to create and add to the group
     */
    public static void register(ThingRegistry registry, String groupName, String parentGroupName,
                                List<String> thingNames) {
        try {
            registerInParallel(registry, groupName, parentGroupName, thingNames, 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering " + groupName, e);
        }
    }

    /**
     * Creates a thing group, then the things and their memberships, on several threads (one commit each, which on a
     * durable database is worth spreading).
     *
     * @param registry the engine's thing registry
     * @param groupName the group to create
     * @param parentGroupName the group's parent, or null for a root group
     * @param thingNames the things to create and add to the group
     * @param threads how many threads register them
     */
    public static void registerInParallel(ThingRegistry registry, String groupName, String parentGroupName,
                                          List<String> thingNames, int threads) throws InterruptedException {
        registerInParallel(registry, groupName, parentGroupName, thingNames, threads, new LongAdder());
    }

    /**
     * {@link #registerInParallel(ThingRegistry, String, String, List, int)}, counting the things registered so far.
     *
     * @param registry the engine's thing registry
     * @param groupName the group to create
     * @param parentGroupName the group's parent, or null for a root group
     * @param thingNames the things to create and add to the group
     * @param threads how many threads register them
     * @param registered incremented once a thing is created and in the group (for progress reports)
     */
    public static void registerInParallel(ThingRegistry registry, String groupName, String parentGroupName,
                                          List<String> thingNames, int threads, LongAdder registered)
            throws InterruptedException {
        registry.createThingGroup(CreateThingGroupRequest.builder().thingGroupName(groupName)
                .parentGroupName(parentGroupName).build());
        inParallel(thingNames.size(), threads, i -> {
            String thing = thingNames.get(i);
            registry.createThing(CreateThingRequest.builder().thingName(thing).build());
            registry.addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName(groupName)
                    .thingName(thing).build());
            registered.increment();
        });
    }

    /**
     * Runs {@code work} for 0 .. count-1, cut into contiguous chunks over threads.
     *
     * @param count how many indexes
     * @param threads how many threads
     * @param work what to do for one index
     */
    public static void inParallel(int count, int threads, IntConsumer work) throws InterruptedException {
        int chunk = Math.max(1, (count + threads - 1) / threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < count; from += chunk) {
                int start = from;
                int end = Math.min(count, from + chunk);
                done.add(pool.submit(() -> {
                    for (int i = start; i < end; i++) {
                        work.accept(i);
                    }
                }));
            }
            for (Future<?> part : done) {
                part.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("set-up failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * @param prefix the names' prefix
     * @param from the first number
     * @param count how many names
     * @return {@code prefix-NNNNNN} for the numbers {@code from .. from+count-1}, in name order
     */
    public static List<String> thingNames(String prefix, int from, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            names.add(String.format("%s-%06d", prefix, i));
        }
        return names;
    }
}
