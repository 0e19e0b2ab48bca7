package dev.iotjobs.store.memory;

import dev.iotjobs.spi.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Reads a page off an index walk: one item more than asked, to know whether more follow. */
final class Pages {
    private Pages() {
    }

    /**
     * @param keys index keys in the query's order, already past the keyset cursor
     * @param load the row of a key
     * @param keep the filters the index does not cover
     * @param limit the page size
     * @return the page
     */
    static <K, T> Page<T> page(Iterable<K> keys, Function<? super K, T> load, Predicate<? super T> keep,
                               int limit) {
        checkLimit(limit);
        List<T> items = new ArrayList<>(Math.min(limit, 64));
        for (K key : keys) {
            T item = load.apply(key);
            if (keep.test(item)) {
                if (items.size() == limit) {
                    return new Page<>(items, true);
                }
                items.add(item);
            }
        }
        return new Page<>(items, false);
    }

    /** Like {@link #page} without the look-ahead: for the queries that answer a plain list. */
    static <K, T> List<T> head(Iterable<K> keys, Function<? super K, T> load, Predicate<? super T> keep,
                               int limit) {
        checkLimit(limit);
        List<T> items = new ArrayList<>(Math.min(limit, 64));
        for (K key : keys) {
            if (items.size() == limit) {
                break;
            }
            T item = load.apply(key);
            if (keep.test(item)) {
                items.add(item);
            }
        }
        return items;
    }

    static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }
}
