package dev.iotjobs.store.jdbc;

import static dev.iotjobs.store.jdbc.Columns.instant;
import static dev.iotjobs.store.jdbc.Columns.millis;

import dev.iotjobs.spi.Changeset.Membership;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.ThingFilter;
import dev.iotjobs.spi.ThingGroupFilter;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The thing registry: things, thing groups and memberships. Memberships refer to their thing and group by foreign
 * key, so an add needs both and a delete of either takes its memberships along.
 */
final class RegistryRows {
    private static final String THING_COLUMNS = "thing_name, thing_arn, thing_id, thing_type_name, attributes, version";
    private static final String THING_COLUMNS_OF_T =
            "t.thing_name, t.thing_arn, t.thing_id, t.thing_type_name, t.attributes, t.version";
    private static final String GROUP_COLUMNS =
            "group_name, group_arn, group_id, parent_name, description, attributes, version, creation_date";

    private final Dialect dialect;

    RegistryRows(Dialect dialect) {
        this.dialect = dialect;
    }

    /** @return those of the things that exist, in name order, on their primary key in chunks */
    List<String> existingThings(Handle handle, Collection<String> thingNames) {
        List<String> found = new ArrayList<>();
        for (List<String> chunk : Statements.chunks(List.copyOf(new TreeSet<>(thingNames)))) {
            String sql = "SELECT thing_name FROM iotjobs_thing WHERE thing_name = " + Statements.any("thing")
                    + " ORDER BY thing_name";
            found.addAll(Statements.bindAny(handle.createQuery(sql), "thing", chunk).mapTo(String.class).list());
        }
        return found;
    }

    Optional<ThingRecord> findThing(Handle handle, String thingName) {
        return handle.createQuery("SELECT " + THING_COLUMNS + " FROM iotjobs_thing WHERE thing_name = :thingName")
                .bind("thingName", thingName)
                .map((rs, ctx) -> readThing(rs))
                .findOne();
    }

    Optional<ThingGroupRecord> findGroup(Handle handle, String column, String value) {
        return handle.createQuery("SELECT " + GROUP_COLUMNS + " FROM iotjobs_thing_group WHERE " + column + " = :value")
                .bind("value", value)
                .map((rs, ctx) -> readGroup(rs))
                .findOne();
    }

    List<String> childGroups(Handle handle, String groupName) {
        return handle.createQuery("""
                        SELECT group_name FROM iotjobs_thing_group WHERE parent_name = :groupName
                        ORDER BY parent_name, group_name""")
                .bind("groupName", groupName)
                .mapTo(String.class)
                .list();
    }

    List<String> groupsOfThing(Handle handle, String thingName) {
        return handle.createQuery("""
                        SELECT group_name FROM iotjobs_membership WHERE thing_name = :thingName
                        ORDER BY thing_name, group_name""")
                .bind("thingName", thingName)
                .mapTo(String.class)
                .list();
    }

    /**
     * The distinct members of the groups in name order. Each group contributes at most a page from its own
     * (group, thing) index range, so a page costs its size times the groups, however large the groups are.
     */
    Page<String> thingsInGroups(Handle handle, Collection<String> groupNames, String afterThingName, int limit) {
        Pages.checkLimit(limit);
        List<String> groups = List.copyOf(new LinkedHashSet<>(groupNames));
        if (groups.isEmpty()) {
            return new Page<>(List.of(), false);
        }
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            branches.add("(SELECT thing_name FROM iotjobs_membership WHERE group_name = :group" + i
                    + (afterThingName == null ? "" : " AND thing_name > :after")
                    + " ORDER BY group_name, thing_name LIMIT :limit)");
        }
        String sql = "SELECT DISTINCT thing_name FROM (" + String.join(" UNION ALL ", branches)
                + ") members ORDER BY thing_name LIMIT :limit";
        Query query = Statements.bindAll(handle.createQuery(sql), "group", groups).bind("limit", limit + 1);
        if (afterThingName != null) {
            query.bind("after", afterThingName);
        }
        return Pages.of(query.mapTo(String.class).list(), limit);
    }

    /**
     * SPEC G6: things in name order through the narrowest index: an attribute value's things on
     * (attribute_name, attribute_value, thing_name), a value prefix's range of that index (its few matches
     * sorted by name), a type's things on (thing_type_name, thing_name), or the primary key.
     */
    Page<ThingRecord> listThings(Handle handle, ThingFilter filter, String afterThingName, int limit) {
        Pages.checkLimit(limit);
        String t = THING_COLUMNS_OF_T;
        StringBuilder sql = new StringBuilder();
        String order;
        if (filter.attributeName() != null) {
            sql.append("SELECT ").append(t).append(" FROM iotjobs_thing_attribute a")
                    .append(" JOIN iotjobs_thing t ON t.thing_name = a.thing_name WHERE a.attribute_name = :name");
            if (!filter.attributeValuePrefix()) {
                sql.append(" AND a.attribute_value = :value");
                order = "a.attribute_name, a.attribute_value, a.thing_name";
            } else {
                if (!filter.attributeValue().isEmpty()) {
                    sql.append(" AND a.attribute_value >= :value AND a.attribute_value < :valueEnd");
                }
                order = "a.thing_name";
            }
            if (filter.thingTypeName() != null) {
                sql.append(" AND t.thing_type_name = :type");
            }
            if (afterThingName != null) {
                sql.append(" AND a.thing_name > :after");
            }
        } else if (filter.thingTypeName() != null) {
            sql.append("SELECT ").append(t).append(" FROM iotjobs_thing t WHERE t.thing_type_name = :type");
            if (afterThingName != null) {
                sql.append(" AND t.thing_name > :after");
            }
            order = "t.thing_type_name, t.thing_name";
        } else {
            sql.append("SELECT ").append(t).append(" FROM iotjobs_thing t");
            if (afterThingName != null) {
                sql.append(" WHERE t.thing_name > :after");
            }
            order = "t.thing_name";
        }
        sql.append(" ORDER BY ").append(order).append(" LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("limit", limit + 1);
        if (filter.attributeName() != null) {
            query.bind("name", filter.attributeName());
            if (!filter.attributeValuePrefix() || !filter.attributeValue().isEmpty()) {
                query.bind("value", filter.attributeValue());
            }
            if (filter.attributeValuePrefix() && !filter.attributeValue().isEmpty()) {
                query.bind("valueEnd", prefixEnd(filter.attributeValue()));
            }
        }
        if (filter.thingTypeName() != null) {
            query.bind("type", filter.thingTypeName());
        }
        if (afterThingName != null) {
            query.bind("after", afterThingName);
        }
        return Pages.of(query.map((rs, ctx) -> readThing(rs)).list(), limit);
    }

    /**
     * SPEC G6: groups in name order: a parent's children or the root groups on (parent_name, group_name), all
     * groups on the primary key; a name prefix is a range of either.
     */
    Page<ThingGroupRecord> listThingGroups(Handle handle, ThingGroupFilter filter, String afterGroupName, int limit) {
        Pages.checkLimit(limit);
        List<String> where = new ArrayList<>();
        String order = "group_name";
        if (filter.parentGroupName() != null) {
            where.add("parent_name = :parent");
            order = "parent_name, group_name";
        } else if (filter.rootsOnly()) {
            where.add("parent_name IS NULL");
            order = "parent_name, group_name";
        }
        if (filter.namePrefix() != null) {
            where.add("group_name >= :prefix AND group_name < :prefixEnd");
        }
        if (afterGroupName != null) {
            where.add("group_name > :after");
        }
        String sql = "SELECT " + GROUP_COLUMNS + " FROM iotjobs_thing_group"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + order + " LIMIT :limit";
        Query query = handle.createQuery(sql).bind("limit", limit + 1);
        if (filter.parentGroupName() != null) {
            query.bind("parent", filter.parentGroupName());
        }
        if (filter.namePrefix() != null) {
            query.bind("prefix", filter.namePrefix()).bind("prefixEnd", prefixEnd(filter.namePrefix()));
        }
        if (afterGroupName != null) {
            query.bind("after", afterGroupName);
        }
        return Pages.of(query.map((rs, ctx) -> readGroup(rs)).list(), limit);
    }

    /**
     * The least string above every string that starts with the prefix: its last character plus one. Names and
     * attribute values are ASCII by their shapes, so that character exists and sorts alike on every database.
     */
    private static String prefixEnd(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    }

    void insertThings(Handle handle, List<ThingRecord> things) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO iotjobs_thing (thing_name, thing_arn, thing_id, thing_type_name, attributes, version)
                VALUES (:thingName, :thingArn, :thingId, :thingTypeName, :attributes, :version)""");
        for (ThingRecord thing : things) {
            batch.bind("thingName", thing.thingName())
                    .bind("thingArn", thing.thingArn())
                    .bind("thingId", thing.thingId())
                    .bind("thingTypeName", thing.thingTypeName())
                    .bind("attributes", Json.write(thing.attributes()))
                    .bind("version", thing.version())
                    .add();
        }
        batch.execute();
        // The attribute filter's rows (SPEC G6); they go with the thing (foreign key).
        PreparedBatch attributes = handle.prepareBatch("""
                INSERT INTO iotjobs_thing_attribute (thing_name, attribute_name, attribute_value)
                VALUES (:thingName, :name, :value)""");
        for (ThingRecord thing : things) {
            thing.attributes().forEach((name, value) -> attributes.bind("thingName", thing.thingName())
                    .bind("name", name).bind("value", value).add());
        }
        if (attributes.size() > 0) {
            attributes.execute();
        }
    }

    /** @return the things that were missing or at another version */
    List<String> deleteThings(Handle handle, List<Versioned<String>> deletes) {
        return deleteVersioned(handle, "DELETE FROM iotjobs_thing WHERE thing_name = :name AND version = :expected",
                deletes);
    }

    /**
     * Inserts one group after locking its parent, so that the parent cannot go before this commit.
     *
     * @return false if the group names a parent that does not exist
     */
    boolean insertGroup(Handle handle, ThingGroupRecord group) {
        if (group.parentGroupName() != null && handle.createQuery("SELECT group_name FROM iotjobs_thing_group"
                        + " WHERE group_name = :parent " + dialect.lockShared())
                .bind("parent", group.parentGroupName())
                .mapTo(String.class)
                .findOne()
                .isEmpty()) {
            return false;
        }
        handle.createUpdate("""
                        INSERT INTO iotjobs_thing_group (group_name, group_arn, group_id, parent_name, description,
                            attributes, version, creation_date)
                        VALUES (:groupName, :groupArn, :groupId, :parentName, :description, :attributes, :version,
                            :creationDate)""")
                .bind("groupName", group.thingGroupName())
                .bind("groupArn", group.thingGroupArn())
                .bind("groupId", group.thingGroupId())
                .bind("parentName", group.parentGroupName())
                .bind("description", group.description())
                .bind("attributes", Json.write(group.attributes()))
                .bind("version", group.version())
                .bind("creationDate", millis(group.creationDate()))
                .execute();
        return true;
    }

    /** @return the groups that were missing or at another version */
    List<String> deleteGroups(Handle handle, List<Versioned<String>> deletes) {
        return deleteVersioned(handle,
                "DELETE FROM iotjobs_thing_group WHERE group_name = :name AND version = :expected", deletes);
    }

    /** @return one of the groups that still has a child group, if any */
    Optional<String> anyWithChildren(Handle handle, List<String> groupNames) {
        for (List<String> chunk : Statements.chunks(groupNames)) {
            Optional<String> parent = Statements.bindAny(handle.createQuery("SELECT parent_name FROM iotjobs_thing_group"
                                    + " WHERE parent_name = " + Statements.any("group") + " LIMIT 1"),
                            "group", chunk)
                    .mapTo(String.class)
                    .findOne();
            if (parent.isPresent()) {
                return parent;
            }
        }
        return Optional.empty();
    }

    /** Adds the memberships not there yet; a missing thing or group fails the statement (foreign key). */
    void addMemberships(Handle handle, List<Membership> memberships) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO iotjobs_membership (group_name, thing_name)
                SELECT :groupName, :thingName WHERE NOT EXISTS (
                    SELECT 1 FROM iotjobs_membership WHERE group_name = :groupName AND thing_name = :thingName)""");
        memberships.forEach(m -> batch.bind("groupName", m.thingGroupName()).bind("thingName", m.thingName()).add());
        batch.execute();
    }

    void removeMemberships(Handle handle, List<Membership> memberships) {
        PreparedBatch batch = handle.prepareBatch("""
                DELETE FROM iotjobs_membership WHERE group_name = :groupName AND thing_name = :thingName""");
        memberships.forEach(m -> batch.bind("groupName", m.thingGroupName()).bind("thingName", m.thingName()).add());
        batch.execute();
    }

    /**
     * Locks things against deletion until the commit.
     *
     * @param thingNames things
     * @return those that exist
     */
    List<String> lockThings(Handle handle, Collection<String> thingNames) {
        List<String> found = new ArrayList<>();
        for (List<String> chunk : Statements.chunks(List.copyOf(thingNames))) {
            found.addAll(Statements.bindAny(handle.createQuery("SELECT thing_name FROM iotjobs_thing"
                            + " WHERE thing_name = " + Statements.any("thing") + " " + dialect.lockShared()),
                            "thing", chunk)
                    .mapTo(String.class)
                    .list());
        }
        return found;
    }

    /**
     * Locks the rows of things whose queue a commit reads for its notices, so that commits touching one thing's
     * queue run one after the other (SPEC E2, E4). Chunks go in name order and each is a look-up on the primary key,
     * which both databases walk in key order (an ORDER BY would make H2 sort); a deadlock between two commits that
     * still lock in another order is a conflict the engine retries.
     */
    void lockThingsExclusive(Handle handle, List<String> sortedThingNames) {
        for (List<String> chunk : Statements.chunks(sortedThingNames)) {
            Statements.bindAny(handle.createQuery("SELECT thing_name FROM iotjobs_thing WHERE thing_name = "
                            + Statements.any("thing") + " " + dialect.lockExclusive()), "thing", chunk)
                    .mapTo(String.class)
                    .list();
        }
    }

    private static List<String> deleteVersioned(Handle handle, String sql, List<Versioned<String>> deletes) {
        PreparedBatch batch = handle.prepareBatch(sql);
        deletes.forEach(delete -> batch.bind("name", delete.key()).bind("expected", delete.expected()).add());
        return Statements.missed(batch.execute(), deletes.stream().map(Versioned::key).toList());
    }

    private static ThingRecord readThing(ResultSet rs) throws SQLException {
        return new ThingRecord(rs.getString("thing_name"), rs.getString("thing_arn"), rs.getString("thing_id"),
                rs.getString("thing_type_name"), Json.stringMap(rs.getString("attributes")), rs.getLong("version"));
    }

    private static ThingGroupRecord readGroup(ResultSet rs) throws SQLException {
        return new ThingGroupRecord(rs.getString("group_name"), rs.getString("group_arn"), rs.getString("group_id"),
                rs.getString("parent_name"), rs.getString("description"), Json.stringMap(rs.getString("attributes")),
                rs.getLong("version"), instant(rs, "creation_date"));
    }
}
