package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.DeviceNotificationScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DeviceNotificationScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresDeviceNotificationScenariosTest extends DeviceNotificationScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
