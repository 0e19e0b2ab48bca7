package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.TimeScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TimeScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresTimeScenariosTest extends TimeScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
