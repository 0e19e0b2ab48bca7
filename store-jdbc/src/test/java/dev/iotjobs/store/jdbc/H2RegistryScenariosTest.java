package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.RegistryScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RegistryScenarios} on H2 (a fresh in-memory database per test). */
class H2RegistryScenariosTest extends RegistryScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.h2();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
