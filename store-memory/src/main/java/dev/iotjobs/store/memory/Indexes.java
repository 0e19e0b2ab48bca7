package dev.iotjobs.store.memory;

import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Maintenance of the "one sorted set per owner" indexes; empty sets are dropped so that nothing leaks. */
final class Indexes {
    private Indexes() {
    }

    static <O, K extends Comparable<? super K>> void add(Map<O, NavigableSet<K>> index, O owner, K key) {
        add(index, owner, key, TreeSet::new);
    }

    static <O, K> void add(Map<O, NavigableSet<K>> index, O owner, K key, Supplier<NavigableSet<K>> newSet) {
        index.computeIfAbsent(owner, o -> newSet.get()).add(key);
    }

    static <O, K> void remove(Map<O, NavigableSet<K>> index, O owner, K key) {
        Set<K> keys = index.get(owner);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            index.remove(owner);
        }
    }
}
