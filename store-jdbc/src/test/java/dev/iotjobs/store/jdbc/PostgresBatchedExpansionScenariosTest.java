package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.BatchedExpansionScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BatchedExpansionScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresBatchedExpansionScenariosTest extends BatchedExpansionScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
