package dev.iotjobs.store.memory;

import dev.iotjobs.core.MultiNodeScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link MultiNodeScenarios} with two engines sharing one in-memory store. */
class InMemoryMultiNodeScenariosTest extends MultiNodeScenarios {
    private final InMemoryJobRepository shared = new InMemoryJobRepository();

    @Override
    protected JobRepository newNodeRepository() {
        return shared;
    }
}
