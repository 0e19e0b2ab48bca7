package dev.iotjobs.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.core.EngineStateProperties;
import dev.iotjobs.core.FleetWorld;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.ActionChain;

/**
 * The same random operation sequences on the memory store and on H2, side by side: every response, every error and
 * every snapshot of jobs, executions and counters must be identical (generated ids aside), and each store keeps the
 * invariants of {@link EngineStateProperties}.
 */
class H2DifferentialProperties {
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

    @Property(tries = 300)
    void memoryAndH2AnswerEverySequenceAlike(@ForAll("sequences") ActionChain<FleetWorld> chain) {
        EngineStateProperties.check(chain);
    }

    @Provide
    Arbitrary<ActionChain<FleetWorld>> sequences() {
        return EngineStateProperties.sequencesOf(() -> {
            TestDatabases.empty(database);
            return FleetWorld.twins(JdbcJobRepository.open(database), new InMemoryJobRepository());
        });
    }
}
