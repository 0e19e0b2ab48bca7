package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.JobScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JobScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresJobScenariosTest extends JobScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
