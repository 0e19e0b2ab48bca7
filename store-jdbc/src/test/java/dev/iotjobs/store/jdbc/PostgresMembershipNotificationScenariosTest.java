package dev.iotjobs.store.jdbc;

import dev.iotjobs.core.MembershipNotificationScenarios;
import dev.iotjobs.spi.JobRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MembershipNotificationScenarios} on PostgreSQL (embedded, emptied per test). */
class PostgresMembershipNotificationScenariosTest extends MembershipNotificationScenarios {
    @RegisterExtension
    final FreshStore store = FreshStore.postgres();

    @Override
    protected JobRepository newRepository() {
        return store.repository();
    }
}
