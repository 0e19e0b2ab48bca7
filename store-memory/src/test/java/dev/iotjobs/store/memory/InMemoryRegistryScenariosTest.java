package dev.iotjobs.store.memory;

import dev.iotjobs.core.RegistryScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link RegistryScenarios} on the in-memory store. */
class InMemoryRegistryScenariosTest extends RegistryScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
