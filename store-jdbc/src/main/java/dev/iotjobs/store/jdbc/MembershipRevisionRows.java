package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.StaleStateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The membership revisions of groups and things and the targeting revisions of groups (SPEC G2, G3; migration V6):
 * reads, the compare-and-set that raises them, and the unchecked raise of a group's membership by a join. A revision
 * with no row is 0; the first check or raise inserts the row, so two transactions that both insert it collide on the
 * primary key (a conflict, hence stale, once per group). Rows are written in (kind, name) order, so transactions
 * over the same groups lock them in the same order.
 */
final class MembershipRevisionRows {
    /** The kind of a group's row. */
    static final String GROUP = "g";
    /** The kind of a thing's row. */
    static final String THING = "t";
    /** The kind of a group's targeting revision (raised by continuous jobs' expansions, checked by joins). */
    static final String TARGETING = "j";

    /**
     * @param kind {@link #GROUP} or {@link #THING}
     * @param names the names
     * @return each name's revision, 0 without a row
     */
    Map<String, Long> revisions(Handle handle, String kind, List<String> names) {
        Map<String, Long> revisions = new LinkedHashMap<>();
        names.forEach(name -> revisions.put(name, 0L));
        for (List<String> chunk : Statements.chunks(List.copyOf(new TreeSet<>(names)))) {
            String sql = "SELECT m.name, m.revision FROM " + Statements.keyTable("name", "k")
                    + " JOIN iotjobs_membership_revision m ON m.kind = :kind AND m.name = k.name";
            Statements.bindAny(handle.createQuery(sql), "name", chunk).bind("kind", kind)
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
            int rows = handle.createUpdate("UPDATE iotjobs_membership_revision SET revision = :next"
                            + " WHERE kind = :kind AND name = :name AND revision = :expected")
                    .bind("kind", kind).bind("name", entry.getKey()).bind("next", next)
                    .bind("expected", expected).execute();
            if (rows == 0 && expected == 0) {
                rows = handle.createUpdate("INSERT INTO iotjobs_membership_revision (kind, name, revision)"
                        + " VALUES (:kind, :name, :next)")
                        .bind("kind", kind).bind("name", entry.getKey()).bind("next", next).execute();
            }
            if (rows == 0) {
                missed.add(entry.getKey());
            }
        }
        if (!missed.isEmpty()) {
            throw new StaleStateException("membership revision moved for " + missed);
        }
    }

    /**
     * Gives a new group its membership and targeting rows at revision 0 (unless rows of an earlier group of that
     * name are left), so that the first joins of the group do not race to insert them.
     */
    void ensureGroupRows(Handle handle, String groupName) {
        for (String kind : List.of(GROUP, TARGETING)) {
            handle.createUpdate("INSERT INTO iotjobs_membership_revision (kind, name, revision)"
                    + " SELECT :kind, :name, 0 WHERE NOT EXISTS (SELECT 1 FROM iotjobs_membership_revision m"
                    + " WHERE m.kind = :kind AND m.name = :name)")
                    .bind("kind", kind).bind("name", groupName).execute();
        }
    }

    /**
     * Raises each revision by one whatever it is, in name order. A concurrent raise waits for this row lock, then
     * raises the committed value: joins of one group queue behind each other rather than fail.
     *
     * @param kind {@link #GROUP} or {@link #TARGETING}
     * @param names the names, each raised once however often it is given
     */
    void raise(Handle handle, String kind, Collection<String> names) {
        for (String name : new TreeSet<>(names)) {
            int rows = handle.createUpdate("UPDATE iotjobs_membership_revision SET revision = revision + 1"
                            + " WHERE kind = :kind AND name = :name")
                    .bind("kind", kind).bind("name", name).execute();
            if (rows == 0) {
                handle.createUpdate("INSERT INTO iotjobs_membership_revision (kind, name, revision)"
                        + " VALUES (:kind, :name, 1)").bind("kind", kind).bind("name", name).execute();
            }
        }
    }

    /**
     * Checks revisions without raising them.
     *
     * @param kind {@link #TARGETING}
     * @param checks the revisions expected, before this transaction raised those of {@code raisedHere} by one
     * @throws StaleStateException if one is not as expected
     */
    void check(Handle handle, String kind, List<Versioned<String>> checks, Set<String> raisedHere) {
        Map<String, Long> actual = revisions(handle, kind, checks.stream().map(Versioned::key).toList());
        List<String> missed = new ArrayList<>();
        for (Versioned<String> check : checks) {
            long before = actual.get(check.key()) - (raisedHere.contains(check.key()) ? 1 : 0);
            if (before != check.expected()) {
                missed.add(check.key());
            }
        }
        if (!missed.isEmpty()) {
            throw new StaleStateException("a continuous job expanded the thing groups " + missed
                    + " since the membership change read them");
        }
    }
}
