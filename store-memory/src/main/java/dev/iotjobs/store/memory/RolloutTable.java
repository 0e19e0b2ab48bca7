package dev.iotjobs.store.memory;

import dev.iotjobs.spi.RolloutTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The things each job holds back for its rollout (SPEC T7), per job in thing-name order. Not thread-safe. */
final class RolloutTable {
    private final Map<String, NavigableMap<String, RolloutTarget>> byJob = new HashMap<>();

    boolean contains(String jobId, String thingName) {
        NavigableMap<String, RolloutTarget> held = byJob.get(jobId);
        return held != null && held.containsKey(thingName);
    }

    void put(RolloutTarget target) {
        byJob.computeIfAbsent(target.jobId(), id -> new TreeMap<>()).put(target.thingName(), target);
    }

    void remove(String jobId, String thingName) {
        NavigableMap<String, RolloutTarget> held = byJob.get(jobId);
        if (held != null) {
            held.remove(thingName);
            if (held.isEmpty()) {
                byJob.remove(jobId);
            }
        }
    }

    void removeJob(String jobId) {
        byJob.remove(jobId);
    }

    List<RolloutTarget> find(String jobId, Collection<String> thingNames) {
        NavigableMap<String, RolloutTarget> held = byJob.get(jobId);
        List<RolloutTarget> found = new ArrayList<>();
        if (held != null) {
            for (String thing : new TreeSet<>(thingNames)) {
                RolloutTarget target = held.get(thing);
                if (target != null) {
                    found.add(target);
                }
            }
        }
        return found;
    }

    List<RolloutTarget> first(String jobId, int limit) {
        Pages.checkLimit(limit);
        NavigableMap<String, RolloutTarget> held = byJob.get(jobId);
        List<RolloutTarget> result = new ArrayList<>();
        if (held != null) {
            for (RolloutTarget target : held.values()) {
                if (result.size() == limit) {
                    break;
                }
                result.add(target);
            }
        }
        return result;
    }
}
