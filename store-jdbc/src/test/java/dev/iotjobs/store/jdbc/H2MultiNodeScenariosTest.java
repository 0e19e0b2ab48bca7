package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.MultiNodeScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MultiNodeScenarios} on H2 (a fresh in-memory database per test), each node with a connection pool of its own. */
class H2MultiNodeScenariosTest extends MultiNodeScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.h2();

    @Override
    protected JobRepository newNodeRepository() {
        return store.node();
    }
}
