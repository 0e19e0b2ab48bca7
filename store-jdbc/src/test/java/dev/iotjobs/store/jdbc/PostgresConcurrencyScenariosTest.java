package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.ConcurrencyScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConcurrencyScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresConcurrencyScenariosTest extends ConcurrencyScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
