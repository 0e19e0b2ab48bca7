package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.CancelUnderLoadScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CancelUnderLoadScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresCancelUnderLoadScenariosTest extends CancelUnderLoadScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
