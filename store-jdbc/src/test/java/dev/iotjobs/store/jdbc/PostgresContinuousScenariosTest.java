package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.ContinuousScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ContinuousScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresContinuousScenariosTest extends ContinuousScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
