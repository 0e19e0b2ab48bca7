package dev.iotjobs.store.memory;

import dev.iotjobs.core.JobScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link JobScenarios} on the in-memory store. */
class InMemoryJobScenariosTest extends JobScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
