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
 * {@link EngineStateProperties}' sequences on H2: alone, as many as on memory, and side by side with the memory
 * store. One in-memory database for both properties, emptied for every sequence.
 */
class H2EngineStateProperties {
    private static HikariDataSource database;
    private static JdbcJobRepository keeper;

    @BeforeContainer
    static void createDatabase() {
        database = TestDatabases.newH2();
        keeper = JdbcJobRepository.create(database);
    }

    @AfterContainer
    static void dropDatabase() {
        keeper.close();
        TestDatabases.shutDownH2(database);
    }

    @Property(tries = 1000)
    void everySequenceKeepsTheInvariants(@ForAll("sequences") ActionChain<FleetWorld> chain) {
        EngineStateProperties.check(chain);
    }

    /**
     * Every response, every error and every snapshot of jobs, executions and counters must be identical on memory
     * and on H2 (generated ids aside), and each store keeps the invariants.
     */
    @Property(tries = 300)
    void memoryAndH2AnswerEverySequenceAlike(@ForAll("twinSequences") ActionChain<FleetWorld> chain) {
        EngineStateProperties.check(chain);
    }

    @Provide
    Arbitrary<ActionChain<FleetWorld>> sequences() {
        return EngineStateProperties.sequences(this::emptyStore);
    }

    @Provide
    Arbitrary<ActionChain<FleetWorld>> twinSequences() {
        return EngineStateProperties.sequencesOf(() -> FleetWorld.twins(emptyStore(), new InMemoryJobRepository()));
    }

    private JdbcJobRepository emptyStore() {
        TestDatabases.empty(database);
        return JdbcJobRepository.open(database);
    }
}
