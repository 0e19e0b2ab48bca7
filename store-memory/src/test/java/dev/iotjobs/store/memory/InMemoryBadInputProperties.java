package dev.iotjobs.store.memory;

import dev.iotjobs.core.BadInputProperties;
import dev.iotjobs.spi.JobRepository;

/** {@link BadInputProperties} on the in-memory store. */
class InMemoryBadInputProperties extends BadInputProperties {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
