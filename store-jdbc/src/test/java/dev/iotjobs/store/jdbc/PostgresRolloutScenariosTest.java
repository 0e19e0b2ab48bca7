package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.RolloutScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RolloutScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresRolloutScenariosTest extends RolloutScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
