package dev.iotjobs.store.memory;

import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.JobRepositoryContract;

/** Runs the repository contract against the in-memory store. */
class InMemoryJobRepositoryTest extends JobRepositoryContract {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
