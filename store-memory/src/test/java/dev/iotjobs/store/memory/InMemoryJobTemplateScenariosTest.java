package dev.iotjobs.store.memory;

import dev.iotjobs.core.JobTemplateScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link JobTemplateScenarios} on the in-memory store. */
class InMemoryJobTemplateScenariosTest extends JobTemplateScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
