package dev.iotjobs.store.memory;

import dev.iotjobs.core.EngineStateProperties;
import dev.iotjobs.spi.JobRepository;

/** {@link EngineStateProperties} on the in-memory store. */
class InMemoryEngineStateProperties extends EngineStateProperties {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
