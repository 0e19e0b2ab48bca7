package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.BatchedExpansionScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BatchedExpansionScenarios} on H2 (a fresh in-memory database per test). */
class H2BatchedExpansionScenariosTest extends BatchedExpansionScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.h2();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
