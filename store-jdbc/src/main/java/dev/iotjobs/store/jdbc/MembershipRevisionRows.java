package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.StaleStateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The membership revisions of groups and things (SPEC G2, G3; migration V6): reads, and the compare-and-set that
 * raises them. A revision with no row is 0; the first check inserts the row, so two transactions that both expect 0
 * collide on the primary key (a conflict, hence stale). Rows are written in (kind, name) order, so transactions
 * over the same groups lock them in the same order.
 */
final class MembershipRevisionRows {
    /** The kind of a group's row. */
    static final String GROUP = "g";
    /** The kind of a thing's row. */
    static final String THING = "t";

    /**
     * @param kind {@link #GROUP} or {@link #THING}
     * @param names the names
     * @return each name's revision, 0 without a row
     */
    Map<String, Long> revisions(Handle handle, String kind, List<String> names) {
        Map<String, Long> revisions = new LinkedHashMap<>();
        names.forEach(name -> revisions.put(name, 0L));
        for (List<String> chunk : Statements.chunks(List.copyOf(new TreeSet<>(names)))) {
            String sql = "SELECT m.name, m.revision FROM iotjobs_membership_revision m WHERE m.kind = :kind"
                    + " AND m.name IN (" + Statements.parameters("name", chunk.size()) + ")";
            Statements.bindAll(handle.createQuery(sql), "name", chunk).bind("kind", kind)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(row -> revisions.put(row.getKey(), row.getValue()));
        }
        return revisions;
    }

    /**
     * Checks and raises the revisions, in name order.
     *
     * @param kind {@link #GROUP} or {@link #THING}
     * @param checks the revisions expected (a name checked twice expects the first check's raise the second time)
     * @throws StaleStateException if one is not as expected
     */
    void checkAndRaise(Handle handle, String kind, List<Versioned<String>> checks) {
        Map<String, long[]> byName = new TreeMap<>();   // name -> {first expected, count}
        for (Versioned<String> check : checks) {
            long[] seen = byName.get(check.key());
            if (seen == null) {
                byName.put(check.key(), new long[] {check.expected(), 1});
            } else if (check.expected() != seen[0] + seen[1]) {
                throw new StaleStateException("membership revision of " + check.key() + " cannot be both "
                        + (seen[0] + seen[1]) + " and " + check.expected());
            } else {
                seen[1]++;
            }
        }
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : byName.entrySet()) {
            long expected = entry.getValue()[0];
            long next = expected + entry.getValue()[1];
            int rows = expected == 0
                    ? handle.createUpdate("INSERT INTO iotjobs_membership_revision (kind, name, revision)"
                            + " VALUES (:kind, :name, :next)")
                    .bind("kind", kind).bind("name", entry.getKey()).bind("next", next).execute()
                    : handle.createUpdate("UPDATE iotjobs_membership_revision SET revision = :next"
                            + " WHERE kind = :kind AND name = :name AND revision = :expected")
                    .bind("kind", kind).bind("name", entry.getKey()).bind("next", next)
                    .bind("expected", expected).execute();
            if (rows == 0) {
                missed.add(entry.getKey());
            }
        }
        if (!missed.isEmpty()) {
            throw new StaleStateException("membership revision moved for " + missed);
        }
    }
}
