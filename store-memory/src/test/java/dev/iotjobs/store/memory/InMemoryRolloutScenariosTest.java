package dev.iotjobs.store.memory;

import dev.iotjobs.core.RolloutScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link RolloutScenarios} on the in-memory store. */
class InMemoryRolloutScenariosTest extends RolloutScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
