package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.RegistryScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RegistryScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresRegistryScenariosTest extends RegistryScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
