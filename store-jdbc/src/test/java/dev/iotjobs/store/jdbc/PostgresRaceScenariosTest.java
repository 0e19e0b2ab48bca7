package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.RaceScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RaceScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresRaceScenariosTest extends RaceScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
