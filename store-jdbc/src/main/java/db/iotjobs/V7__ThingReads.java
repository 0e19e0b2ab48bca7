package db.iotjobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The registry reads (SPEC G6): ListThings filters by an attribute's value or by the thing type, each through an
 * index. A thing's attributes stay in its JSON column (what DescribeThing reads); {@code iotjobs_thing_attribute}
 * holds one row per attribute for the filter, written with the thing and deleted with it (foreign key).
 *
 * <p>Java rather than SQL because the things already stored get their attribute rows here, read from the JSON
 * column, which the two databases would parse with different SQL.
 */
public class V7__ThingReads extends BaseJavaMigration {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    /** Flyway instantiates the migration. */
    public V7__ThingReads() {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE iotjobs_thing_attribute (
                        thing_name      iotjobs_name NOT NULL
                            REFERENCES iotjobs_thing (thing_name) ON DELETE CASCADE,
                        attribute_name  iotjobs_name NOT NULL,
                        attribute_value iotjobs_name NOT NULL,
                        PRIMARY KEY (thing_name, attribute_name)
                    )""");
            statement.execute("CREATE INDEX iotjobs_thing_attribute_value"
                    + " ON iotjobs_thing_attribute (attribute_name, attribute_value, thing_name)");
            statement.execute("CREATE INDEX iotjobs_thing_type ON iotjobs_thing (thing_type_name, thing_name)");
        }
        backfill(connection);
    }

    private static void backfill(Connection connection) throws SQLException {
        ObjectMapper json = new ObjectMapper();
        try (Statement things = connection.createStatement();
             ResultSet rs = things.executeQuery("SELECT thing_name, attributes FROM iotjobs_thing");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO iotjobs_thing_attribute"
                     + " (thing_name, attribute_name, attribute_value) VALUES (?, ?, ?)")) {
            int pending = 0;
            while (rs.next()) {
                Map<String, String> attributes;
                try {
                    attributes = json.readValue(rs.getString(2), STRING_MAP);
                } catch (IOException e) {
                    throw new SQLException("thing " + rs.getString(1) + " has attributes that are not a JSON map", e);
                }
                for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                    insert.setString(1, rs.getString(1));
                    insert.setString(2, attribute.getKey());
                    insert.setString(3, attribute.getValue());
                    insert.addBatch();
                    pending++;
                }
                if (pending >= 500) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
