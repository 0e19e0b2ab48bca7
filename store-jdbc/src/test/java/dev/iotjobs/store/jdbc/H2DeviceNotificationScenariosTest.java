package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.DeviceNotificationScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DeviceNotificationScenarios} on H2 (a fresh in-memory database per test). */
class H2DeviceNotificationScenariosTest extends DeviceNotificationScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.h2();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
