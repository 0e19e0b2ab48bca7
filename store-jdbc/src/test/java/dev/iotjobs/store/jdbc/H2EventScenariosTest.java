package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.EventScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link EventScenarios} on H2 (a fresh in-memory database per test). */
class H2EventScenariosTest extends EventScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.h2();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }

    @Override
    protected void relayLeasesRunOut() {
        store.relayLeasesRunOut();
    }
}
