package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.JobRepositoryContract;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JobRepositoryContract} on H2 (a fresh in-memory database per test). */
class H2JobRepositoryTest extends JobRepositoryContract {
    @RegisterExtension
    final FreshStore store = FreshStore.h2();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
