package dev.iotjobs.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.core.EngineStateProperties;
import dev.iotjobs.core.FleetWorld;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.ActionChain;

/**
 * {@link EngineStateProperties}' sequences on H2, as many as on memory: one in-memory database for the property,
 * emptied for every sequence.
 */
class H2EngineStateProperties {
    private static HikariDataSource database;

    @BeforeContainer
    static void createDatabase() {
        database = TestDatabases.newH2();
        JdbcJobRepository.create(database);
    }

    @AfterContainer
    static void dropDatabase() {
        TestDatabases.shutDownH2(database);
    }

    @Property(tries = 1000)
    void everySequenceKeepsTheInvariants(@ForAll("sequences") ActionChain<FleetWorld> chain) {
        EngineStateProperties.check(chain);
    }

    @Provide
    Arbitrary<ActionChain<FleetWorld>> sequences() {
        return EngineStateProperties.sequences(() -> {
            TestDatabases.empty(database);
            return JdbcJobRepository.open(database);
        });
    }
}
