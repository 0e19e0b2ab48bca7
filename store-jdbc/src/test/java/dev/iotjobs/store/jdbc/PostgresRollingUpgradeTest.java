package dev.iotjobs.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RollingUpgradeScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresRollingUpgradeTest extends RollingUpgradeScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    FreshStore store() {
        return store;
    }
}
