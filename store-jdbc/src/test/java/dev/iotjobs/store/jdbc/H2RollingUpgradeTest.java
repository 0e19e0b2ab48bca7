package dev.iotjobs.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RollingUpgradeScenarios} on H2 (a fresh in-memory database per test). */
class H2RollingUpgradeTest extends RollingUpgradeScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.h2();

    @Override
    FreshStore store() {
        return store;
    }
}
