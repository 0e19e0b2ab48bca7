package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.DocumentScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DocumentScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresDocumentScenariosTest extends DocumentScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
