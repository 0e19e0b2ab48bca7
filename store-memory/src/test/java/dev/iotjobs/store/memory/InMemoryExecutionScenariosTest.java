package dev.iotjobs.store.memory;

import dev.iotjobs.core.ExecutionScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link ExecutionScenarios} on the in-memory store. */
class InMemoryExecutionScenariosTest extends ExecutionScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
