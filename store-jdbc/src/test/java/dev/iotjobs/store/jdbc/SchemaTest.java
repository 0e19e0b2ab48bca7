package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.JobCompletion;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.ThingRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store's migrations, run by the store itself or by a host's own Flyway. */
class SchemaTest {
    private HikariDataSource database;

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            TestDatabases.shutDownH2(database);
        }
    }

    @Test
    void aHostRunsTheMigrationsWithItsOwnFlywayBesideItsOwnTables() {
        database = TestDatabases.newH2();
        // The host's schema, with its own migrations and history table.
        TestDatabases.execute(database, "CREATE TABLE host_orders (id BIGINT PRIMARY KEY)");
        TestDatabases.execute(database, "CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");

        MigrateResult result = Flyway.configure()
                .dataSource(database)
                .locations(JdbcJobRepository.MIGRATIONS_LOCATION)
                .table(JdbcJobRepository.SCHEMA_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        // the baseline, V2-V8, V9 (counter slots), V10 (C4 expansion), V11 (job incarnation), V12 (retry counts),
        // V13 (PostgreSQL's partial indexes: nothing on H2), V14 (the relay's position)
        assertThat(result.migrationsExecuted).isEqualTo(14);

        JdbcJobRepository store = JdbcJobRepository.create(database);
        store.commit(Changeset.builder().insertThing(new ThingRecord("t1", null, null, null, null, 1)).build());
        assertThat(store.findThing("t1")).isPresent();
        assertThat(Flyway.configure().dataSource(database).locations(JdbcJobRepository.MIGRATIONS_LOCATION)
                .table(JdbcJobRepository.SCHEMA_HISTORY_TABLE).load().info().pending()).isEmpty();
    }

    /** The shared test server's locale sorts like "C" anyway: check that the schema does not depend on it. */
    @Test
    void onPostgresNamesCarryTheByteOrderCollation() {
        try (Connection connection = TestDatabases.postgres().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT c.collname FROM information_schema.columns col
                     JOIN pg_type t ON t.typname = col.domain_name
                     JOIN pg_collation c ON c.oid = t.typcollation
                     WHERE col.table_name = 'iotjobs_execution' AND col.column_name = 'thing_name'""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("C");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** V13 (issue 12): on PostgreSQL the indexes of what is pending or due leave finished rows out. */
    @Test
    void onPostgresThePendingAndDueIndexesHoldOnlyWhatIsPendingOrDue() {
        for (String index : List.of("iotjobs_execution_pending", "iotjobs_execution_deadline", "iotjobs_job_due")) {
            assertThat(TestDatabases.queryString(TestDatabases.postgres(),
                    "SELECT indexdef FROM pg_indexes WHERE indexname = '" + index + "'"))
                    .as(index).contains(" WHERE ").contains("IS NOT NULL");
        }
    }

    /** V3 (SPEC T7) on a database that has jobs already: they read back with no rollout and still complete. */
    @Test
    void jobsOfAnEarlierVersionGetNoRolloutState() {
        database = TestDatabases.newH2();
        Flyway.configure().dataSource(database).locations(JdbcJobRepository.MIGRATIONS_LOCATION)
                .table(JdbcJobRepository.SCHEMA_HISTORY_TABLE).target("2").load().migrate();
        TestDatabases.execute(database, """
                INSERT INTO iotjobs_job (job_id, target_selection, status, force_canceled, targets, created_at,
                    document_parameters, tags, n_queued, n_in_progress, n_succeeded, n_failed, n_timed_out,
                    n_rejected, n_removed, n_canceled, revision)
                VALUES ('old', 'SNAPSHOT', 'IN_PROGRESS', FALSE, '[]', 0, '{}', '[]', 0, 0, 1, 0, 0, 0, 0, 0, 4)""");

        JdbcJobRepository store = JdbcJobRepository.create(database);

        JobRecord old = store.findJob("old").orElseThrow();
        assertThat(old.rollout()).isNull();
        assertThat(old.revision()).isEqualTo(4);
        assertThat(store.rolloutTargets("old", 10)).isEmpty();
        assertThat(store.commit(Changeset.builder().complete(new JobCompletion("old", Instant.EPOCH, null)).build())
                .completedJobs()).containsExactly("old");
    }

    /**
     * V14 (SPEC E2): a database that held events before it does not know where the relay stands until its next
     * clean-up (the relay then starts at the first stored event, as before); one that never held anything starts at 0.
     */
    @Test
    void e2_theRelayPositionIsUnknownOnADatabaseThatHeldEventsBeforeIt() {
        database = TestDatabases.newH2();
        Flyway.configure().dataSource(database).locations(JdbcJobRepository.MIGRATIONS_LOCATION)
                .table(JdbcJobRepository.SCHEMA_HISTORY_TABLE).target("13").load().migrate();
        TestDatabases.execute(database, "INSERT INTO iotjobs_event (event_type, job_id) VALUES ('JobDeleted', 'j')");

        JdbcJobRepository store = JdbcJobRepository.create(database);

        assertThat(store.eventsDroppedThrough()).isEmpty();
        store.deleteEventsThrough(Long.MAX_VALUE);
        assertThat(store.eventsDroppedThrough()).hasValue(1);
        HikariDataSource fresh = TestDatabases.newH2();
        try {
            assertThat(JdbcJobRepository.create(fresh).eventsDroppedThrough()).hasValue(0);
        } finally {
            TestDatabases.shutDownH2(fresh);
        }
    }

    @Test
    void creatingTheStoreTwiceMigratesOnce() {
        database = TestDatabases.newH2();
        JdbcJobRepository.create(database)
                .commit(Changeset.builder().insertThing(new ThingRecord("t1", null, null, null, null, 1)).build());

        assertThat(JdbcJobRepository.create(database).findThing("t1")).isPresent();
    }
}
