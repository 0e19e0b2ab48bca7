package dev.iotjobs.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jdbi.v3.core.statement.SqlStatement;

/** Helpers for statements over many keys: IN lists in bounded chunks, and reading a batch's row counts. */
final class Statements {
    /** At most this many values in one IN list (well below every driver's parameter limit). */
    static final int CHUNK = 1000;

    private Statements() {
    }

    /** @return {@code :name0, :name1, ...} for {@code count} values */
    static String parameters(String name, int count) {
        StringJoiner list = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            list.add(":" + name + i);
        }
        return list.toString();
    }

    /** Binds the values to {@code :name0, :name1, ...}. */
    static <S extends SqlStatement<S>> S bindAll(S statement, String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            statement.bind(name + i, values.get(i));
        }
        return statement;
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
