package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.EventScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link EventScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresEventScenariosTest extends EventScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }

    @Override
    protected void relayLeasesRunOut() {
        store.relayLeasesRunOut();
    }
}
