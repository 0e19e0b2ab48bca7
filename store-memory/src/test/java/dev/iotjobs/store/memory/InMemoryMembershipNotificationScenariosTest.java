package dev.iotjobs.store.memory;

import dev.iotjobs.core.MembershipNotificationScenarios;
import dev.iotjobs.spi.JobRepository;

/** {@link MembershipNotificationScenarios} on the in-memory store. */
class InMemoryMembershipNotificationScenariosTest extends MembershipNotificationScenarios {
    @Override
    protected JobRepository newRepository() {
        return new InMemoryJobRepository();
    }
}
