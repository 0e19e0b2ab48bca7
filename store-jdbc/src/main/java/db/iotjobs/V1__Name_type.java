package db.iotjobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The first iotjobs migration: the {@code iotjobs_name} type of every name and id column that a query sorts by.
 *
 * <p>It is the one piece of the schema that differs between databases, hence Java rather than SQL (Flyway picks it
 * up from the same {@code classpath:db/iotjobs} location as the scripts). The store's listings must sort names as
 * Java's {@code String.compareTo} does, like the in-memory store: H2 compares strings that way by default, while
 * PostgreSQL follows the database's locale ({@code en_US} puts {@code "a-b"} after {@code "ab"} and ignores case at
 * first), so there the type carries the byte-order collation {@code "C"}.
 */
public class V1__Name_type extends BaseJavaMigration {

    /** Flyway instantiates the migration. */
    public V1__Name_type() {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String type = postgres ? "VARCHAR COLLATE \"C\"" : "VARCHAR";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DOMAIN iotjobs_name AS " + type);
        }
    }
}
