package dev.iotjobs.store.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The store's tables, kept by Flyway with the store's own migrations and history table. */
final class Schema {
    private Schema() {
    }

    /**
     * Applies the migrations not applied yet. A schema that already holds the host's tables is fine: the history
     * table starts at version 0 there.
     *
     * @param dataSource the database
     */
    static void migrate(DataSource dataSource) {
        FluentConfiguration configuration = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(JdbcJobRepository.MIGRATIONS_LOCATION)
                .table(JdbcJobRepository.SCHEMA_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (FlywayDebugLog.visibleToFlyway()) {
            configuration.loggers(FlywayDebugLog.class.getName());
        }
        Flyway flyway = configuration.load();
        FlywayDebugLog.quietly(flyway::migrate);
    }
}
