package dev.iotjobs.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/** Helpers for statements over many keys: {@code = ANY} arrays in bounded chunks, and reading a batch's row counts. */
final class Statements {
    /** At most this many keys in one statement (its locks and its result stay bounded). */
    static final int CHUNK = 1000;

    private Statements() {
    }

    /** Binds the values to {@code :name0, :name1, ...}. */
    static <S extends SqlStatement<S>> S bindAll(S statement, String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            statement.bind(name + i, values.get(i));
        }
        return statement;
    }

    /**
     * @param name the parameter's name
     * @return {@code ANY(CAST(:name AS VARCHAR ARRAY))}, for {@code column = } it, bound by {@link #bindAny}, where
     *     the column comes first in its index and nothing else of the statement uses that index. H2 (2.5) looks a
     *     key list up only so: beside another condition on the index ({@code kind = :kind AND name = ANY(...)},
     *     {@code thing_name = ANY(...) AND pending_rank >= 0}, and so with {@code IN (:a, :b)}) it checks every row
     *     the other condition leaves, whatever its plan says; join {@link #keyTable} there.
     */
    static String any(String name) {
        return "ANY(CAST(:" + name + " AS VARCHAR ARRAY))";
    }

    /**
     * @param name the parameter's name, bound by {@link #bindAny}
     * @param alias the table's name in the statement
     * @return the keys as a table of one column, {@code alias.name}, to join on an index's later column
     *     ({@code FROM keyTable JOIN t ON t.kind = :kind AND t.name = alias.name}): both databases then look each
     *     key up in the index
     */
    static String keyTable(String name, String alias) {
        return "UNNEST(CAST(:" + name + " AS VARCHAR ARRAY)) AS " + alias + "(name)";
    }

    /**
     * @param column a nullable time column of epoch milliseconds, first in its index
     * @return {@code column >= :earliest AND column <= :now}, bound by {@link #bindUpTo}: with a bare
     *     {@code column <= :now} H2 (2.5) starts at the index's NULLs (they sort first) and reads each one's row,
     *     so a due query over a million executions without a timer read a million rows; the lower bound starts it
     *     at the first time
     */
    static String upTo(String column) {
        return column + " >= :earliest AND " + column + " <= :now";
    }

    /** Binds {@code :earliest} and {@code :now} of {@link #upTo}. */
    static <S extends SqlStatement<S>> S bindUpTo(S statement, long nowMillis) {
        return statement.bind("earliest", Long.MIN_VALUE).bind("now", nowMillis);
    }

    /**
     * Binds the values as one array to {@code :name}, for {@code column = }{@link #any}: one statement text whatever
     * the count, so the driver's and the database's statement caches keep it.
     */
    static <S extends SqlStatement<S>> S bindAny(S statement, String name, List<String> values) {
        return statement.bindArray(name, String.class, values);
    }

    /** @return the values in chunks of at most {@link #CHUNK} */
    static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            chunks.add(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** @return the keys whose statement in the batch changed no row */
    static <K> List<K> missed(int[] counts, List<K> keys) {
        List<K> missed = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                missed.add(keys.get(i));
            }
        }
        return missed;
    }
}
