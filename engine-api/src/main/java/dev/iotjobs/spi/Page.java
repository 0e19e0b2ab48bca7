package dev.iotjobs.spi;

import java.util.List;

/**
 * One page of a keyset-paginated query.
 *
 * @param items at most the requested number of items, in the query's order
 * @param hasMore whether items follow the last one
 * @param <T> the item type
 */
public record Page<T>(List<T> items, boolean hasMore) {
    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }
}
