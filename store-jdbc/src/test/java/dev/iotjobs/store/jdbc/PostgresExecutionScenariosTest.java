package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.ExecutionScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ExecutionScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresExecutionScenariosTest extends ExecutionScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
