package dev.iotjobs.store.memory;

import dev.iotjobs.core.DocumentScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link DocumentScenarios} on the in-memory store. */
class InMemoryDocumentScenariosTest extends DocumentScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
