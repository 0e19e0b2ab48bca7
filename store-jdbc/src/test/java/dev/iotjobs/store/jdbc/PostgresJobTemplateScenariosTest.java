package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.JobTemplateScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JobTemplateScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresJobTemplateScenariosTest extends JobTemplateScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
