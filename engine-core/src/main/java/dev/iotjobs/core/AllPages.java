package dev.iotjobs.core;

import dev.iotjobs.spi.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a keyset-paginated store query to its end, for the operations that need every row (cancel, removal). */
final class AllPages {
    private static final int PAGE = 1000;

    private AllPages() {
    }

    /**
     * @param query one page after a key (null for the first), of a given size
     * @param keyOf the sort key of an item, to ask for the page after it
     * @param <T> the item type
     * @param <K> the key type
     * @return every item, in the query's order
     */
    static <T, K> List<T> of(PageQuery<T, K> query, Function<T, K> keyOf) {
        List<T> all = new ArrayList<>();
        K after = null;
        Page<T> page;
        do {
            page = query.page(after, PAGE);
            all.addAll(page.items());
            if (!page.items().isEmpty()) {
                after = keyOf.apply(page.items().get(page.items().size() - 1));
            }
        } while (page.hasMore());
        return all;
    }

    /** One page of a query. */
    @FunctionalInterface
    interface PageQuery<T, K> {
        Page<T> page(K after, int limit);
    }
}
