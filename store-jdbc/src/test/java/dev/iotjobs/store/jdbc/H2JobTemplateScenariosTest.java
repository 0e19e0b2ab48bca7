package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.JobTemplateScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JobTemplateScenarios} on H2 (a fresh in-memory database per test). */
class H2JobTemplateScenariosTest extends JobTemplateScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.h2();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
