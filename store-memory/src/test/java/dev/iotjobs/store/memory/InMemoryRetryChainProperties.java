package dev.iotjobs.store.memory;

import dev.iotjobs.core.RetryChainProperties;
import dev.iotjobs.spi.JobRepository;

/** {@link RetryChainProperties} on the in-memory store. */
class InMemoryRetryChainProperties extends RetryChainProperties {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
