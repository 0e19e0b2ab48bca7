package dev.iotjobs.store.memory;

import dev.iotjobs.core.EventScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link EventScenarios} on the in-memory store. */
class InMemoryEventScenariosTest extends EventScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
