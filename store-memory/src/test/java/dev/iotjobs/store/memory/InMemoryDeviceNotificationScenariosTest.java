package dev.iotjobs.store.memory;

import dev.iotjobs.core.DeviceNotificationScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link DeviceNotificationScenarios} on the in-memory store. */
class InMemoryDeviceNotificationScenariosTest extends DeviceNotificationScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
