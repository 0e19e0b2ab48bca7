package dev.iotjobs.store.memory;

import dev.iotjobs.core.RaceScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link RaceScenarios} on the in-memory store. */
class InMemoryRaceScenariosTest extends RaceScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
