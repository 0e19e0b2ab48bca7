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
     * @return {@code ANY(CAST(:name AS VARCHAR ARRAY))}, for {@code column = } it, bound by {@link #bindAny}: H2
     *     takes an untyped {@code ANY(:name)} into an index only on the index's first column; typed, it walks the
     *     index after an equality on the columns before it too ({@code kind = :kind AND name = ANY(...)}).
     *     PostgreSQL reads the same text.
     */
    static String any(String name) {
        return "ANY(CAST(:" + name + " AS VARCHAR ARRAY))";
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
