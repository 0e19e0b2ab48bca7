package dev.iotjobs.store.memory;

import dev.iotjobs.core.ConcurrencyScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link ConcurrencyScenarios} on the in-memory store. */
class InMemoryConcurrencyScenariosTest extends ConcurrencyScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
