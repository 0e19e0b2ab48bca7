package dev.iotjobs.store.memory;

import dev.iotjobs.core.ContinuousScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link ContinuousScenarios} on the in-memory store. */
class InMemoryContinuousScenariosTest extends ContinuousScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
