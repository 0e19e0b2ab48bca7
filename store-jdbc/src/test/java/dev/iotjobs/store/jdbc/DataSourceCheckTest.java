package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.spi.ThingRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue #8: {@link JdbcJobRepository#create} refuses at once, with a message saying what to change, a data source it
 * cannot work with, and on H2 keeps the database open for the repository's life whatever the data source.
 */
class DataSourceCheckTest {

    @Test
    void aNullDataSourceIsNamed() {
        assertThatThrownBy(() -> JdbcJobRepository.create(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataSource must not be null")
                .hasMessageContaining("H2 2.x or PostgreSQL 14");
    }

    @Test
    void theUnnamedH2MemoryDatabaseIsRefused() {
        for (String url : new String[] {"jdbc:h2:mem:", "jdbc:h2:mem:;DB_CLOSE_DELAY=-1"}) {
            assertThatThrownBy(() -> JdbcJobRepository.create(TestDatabases.unpooledH2(url)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("H2's unnamed in-memory database (jdbc:h2:mem:)")
                    .hasMessageContaining("jdbc:h2:mem:iotjobs");
        }
    }

    @Test
    void anH2PoolOfTwoConnectionsIsRefusedAndOneOfThreeWorks() {
        try (HikariDataSource two = TestDatabases.smallPool("jdbc:h2:mem:pool-of-two", "sa", "", 2)) {
            assertThatThrownBy(() -> JdbcJobRepository.create(two))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 3 free connections at once")
                    .hasMessageContaining("maximumPoolSize");
            // Nothing was held back: the pool still gives both.
            assertThat(two.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
        try (HikariDataSource three = TestDatabases.smallPool("jdbc:h2:mem:pool-of-three", "sa", "", 3)) {
            assertAStoreWorksOver(three);
        }
    }

    @Test
    void aPostgresPoolOfOneConnectionIsRefusedAndOneOfTwoWorks() {
        String url = TestDatabases.postgresServer().getJdbcUrl("postgres", "iotjobs");
        try (HikariDataSource one = TestDatabases.smallPool(url, "postgres", "postgres", 1)) {
            assertThatThrownBy(() -> JdbcJobRepository.create(one))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 2 free connections at once");
        }
        TestDatabases.empty(TestDatabases.postgres());
        try (HikariDataSource two = TestDatabases.smallPool(url, "postgres", "postgres", 2)) {
            assertAStoreWorksOver(two);
        }
    }

    @Test
    void anUnpooledNamedMemoryDatabaseLivesAsLongAsTheRepository() {
        JdbcDataSource unpooled = TestDatabases.unpooledH2("jdbc:h2:mem:kept-by-the-store");
        JdbcJobRepository store = JdbcJobRepository.create(unpooled);
        JobsEngine engine = JobsEngine.builder().repository(store).build();
        engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
        // Without the repository's connection, H2 would have dropped the database after each call.
        Optional<ThingRecord> found = store.findThing("t1");
        assertThat(found).isPresent();

        store.close();
        assertThatThrownBy(() -> store.findThing("t1")).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("closed");
        // Closed, the repository let H2 drop the in-memory database: a new one starts empty.
        try (JdbcJobRepository again = JdbcJobRepository.create(unpooled)) {
            assertThat(again.findThing("t1")).isEmpty();
        }
    }

    @Test
    void aHeldConnectionClosedBySomeoneElseIsReplaced() throws Exception {
        JdbcDataSource unpooled = TestDatabases.unpooledH2("jdbc:h2:mem:held-connection-lost");
        try (JdbcJobRepository store = JdbcJobRepository.create(unpooled, Duration.ZERO)) {
            JobsEngine engine = JobsEngine.builder().repository(store).build();
            engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
            try (Connection other = unpooled.getConnection(); Statement statement = other.createStatement()) {
                // As a pool reclaiming a connection held long would: end every session but this one.
                List<Long> sessions = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS "
                        + "WHERE SESSION_ID <> SESSION_ID()")) {
                    while (rows.next()) {
                        sessions.add(rows.getLong(1));
                    }
                }
                assertThat(sessions).hasSize(1);
                statement.execute("CALL ABORT_SESSION(" + sessions.get(0) + ")");
                assertThat(store.findThing("t1")).isPresent();   // the store notices and holds a new one
            }
            // The only other connection is closed: the store's new one keeps the in-memory database.
            assertThat(store.findThing("t1")).isPresent();
        }
    }

    private static void assertAStoreWorksOver(HikariDataSource pool) {
        try (JdbcJobRepository store = JdbcJobRepository.create(pool)) {
            JobsEngine engine = JobsEngine.builder().repository(store).build();
            engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
            assertThat(store.findThing("t1")).isPresent();
        }
    }
}
