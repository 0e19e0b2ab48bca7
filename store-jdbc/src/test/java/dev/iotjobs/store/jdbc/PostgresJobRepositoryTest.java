package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.JobRepositoryContract;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JobRepositoryContract} on PostgreSQL (embedded, emptied per test). */
class PostgresJobRepositoryTest extends JobRepositoryContract {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
