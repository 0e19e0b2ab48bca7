package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.MultiNodeScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MultiNodeScenarios} on PostgreSQL (embedded, emptied per test), each node with a connection pool of its own. */
class PostgresMultiNodeScenariosTest extends MultiNodeScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newNodeRepository() {
        return store.node();
    }
}
