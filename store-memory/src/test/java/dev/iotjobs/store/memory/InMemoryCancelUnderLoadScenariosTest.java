package dev.iotjobs.store.memory;

import dev.iotjobs.core.CancelUnderLoadScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link CancelUnderLoadScenarios} on the in-memory store. */
class InMemoryCancelUnderLoadScenariosTest extends CancelUnderLoadScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
