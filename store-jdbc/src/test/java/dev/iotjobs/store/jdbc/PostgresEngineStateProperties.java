package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.EngineStateProperties;
import dev.iotjobs.core.FleetWorld;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/** {@link EngineStateProperties}' sequences on PostgreSQL, half as many as on memory (about 25 s). */
class PostgresEngineStateProperties {

    @Property(tries = 500)
    void everySequenceKeepsTheInvariants(@ForAll("sequences") ActionChain<FleetWorld> chain) {
        EngineStateProperties.check(chain);
    }

    @Provide
    Arbitrary<ActionChain<FleetWorld>> sequences() {
        return EngineStateProperties.sequences(TestDatabases::emptyPostgresStore);
    }
}
