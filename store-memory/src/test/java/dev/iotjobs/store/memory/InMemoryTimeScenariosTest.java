package dev.iotjobs.store.memory;

import dev.iotjobs.core.TimeScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link TimeScenarios} on the in-memory store. */
class InMemoryTimeScenariosTest extends TimeScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
