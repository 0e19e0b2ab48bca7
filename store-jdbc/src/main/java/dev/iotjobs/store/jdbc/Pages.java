package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.Page;
import java.util.List;

/** Keyset pages: a query fetches one row more than the page holds, to know whether more follow. */
final class Pages {
    private Pages() {
    }

    /** @param limit a page size or bound @throws IllegalArgumentException if negative, as every store does */
    static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    /** @param rows up to {@code limit + 1} rows @param limit the page size @return the page */
    static <T> Page<T> of(List<T> rows, int limit) {
        return rows.size() > limit ? new Page<>(rows.subList(0, limit), true) : new Page<>(rows, false);
    }
}
