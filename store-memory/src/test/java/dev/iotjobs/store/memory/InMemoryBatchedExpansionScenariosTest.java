package dev.iotjobs.store.memory;

import dev.iotjobs.core.BatchedExpansionScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link BatchedExpansionScenarios} on the in-memory store. */
class InMemoryBatchedExpansionScenariosTest extends BatchedExpansionScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
