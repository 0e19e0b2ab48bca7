package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import dev.iotjobs.spi.StoredEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file database outlives its store: a store reopened on the file finds everything, events included (E2). */
class H2FileRestartTest {
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";

    @TempDir
    Path directory;

    @Test
    void aStoreReopenedOnItsFileFindsEverything() {
        String url = "jdbc:h2:file:" + directory.resolve("iotjobs");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        HikariDataSource first = TestDatabases.h2(url);
        JdbcJobRepository store = JdbcJobRepository.create(first);
        // The node that relays events will not come back: they stay stored.
        store.acquireEventRelay("gone", clock.instant(), clock.instant().plusSeconds(10));
        JobsEngine engine = JobsEngine.builder().repository(store).clock(clock).build();
        for (String thing : List.of("t1", "t2", "t3")) {
            engine.things().createThing(CreateThingRequest.builder().thingName(thing).build());
        }
        engine.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("g").build());
        for (String thing : List.of("t1", "t2")) {
            engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("g")
                    .thingName(thing).build());
        }
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document("{\"v\":1}")
                .targets(ARN + "thinggroup/g", ARN + "thing/t3")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build())
                .tags(List.of(new Tag("team", "ops"))).build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j2").document("{\"v\":2}")
                .targets(ARN + "thinggroup/g").targetSelection(TargetSelection.CONTINUOUS).build());
        clock.advance(Duration.ofMillis(1234));
        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t1").build());
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1").thingName("t1")
                .status(JobExecutionStatus.SUCCEEDED).build());
        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t2").stepTimeoutInMinutes(5L).build());
        List<Object> before = everything(store);
        List<StoredEvent> events = store.eventsAfter(0, 1000);
        assertThat(events).hasSizeGreaterThan(8);
        first.close();

        HikariDataSource second = TestDatabases.h2(url);
        try {
            JdbcJobRepository reopened = JdbcJobRepository.create(second);
            assertThat(everything(reopened)).isEqualTo(before);
            assertThat(reopened.eventsAfter(0, 1000)).isEqualTo(events);

            // Once the lease of the node that went runs out, a new node delivers what was stored, then goes on.
            List<EngineEvent> delivered = new ArrayList<>();
            JobsEngine restarted = JobsEngine.builder().repository(reopened).clock(clock).nodeId("restarted").build();
            restarted.events().subscribe(delivered::add);
            clock.advance(Duration.ofSeconds(11));
            TestDatabases.execute(second, "UPDATE iotjobs_event_relay SET lease_until = 0"); // by the database's clock
            restarted.relayEvents();
            assertThat(delivered.stream().map(H2FileRestartTest::asStored).toList())
                    .isEqualTo(events.stream().map(StoredEvent::event).toList());
            assertThat(delivered).filteredOn(e -> e instanceof NextJobExecutionChanged)
                    .allMatch(e -> ((NextJobExecutionChanged) e).execution().jobDocument() != null,
                            "notify-next is delivered with its job document");
            restarted.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1").thingName("t2")
                    .status(JobExecutionStatus.FAILED).build());
            assertThat(delivered).hasSizeGreaterThan(events.size());
            assertThat(reopened.findExecution("j1", "t2", null).orElseThrow().status())
                    .isEqualTo(JobExecutionStatus.FAILED);
        } finally {
            second.close();
        }
    }

    /** Everything the store holds about this test's fleet, as the SPI returns it. */
    private static List<Object> everything(JdbcJobRepository store) {
        List<Object> all = new ArrayList<>();
        for (String job : List.of("j1", "j2")) {
            all.add(store.findJob(job));
            all.add(store.listExecutionsForJob(job, null, null, 100));
        }
        for (String thing : List.of("t1", "t2", "t3")) {
            all.add(store.findThing(thing));
            all.add(store.pendingExecutions(thing, 10));
            all.add(store.groupsOfThing(thing));
        }
        all.add(store.findThingGroup("g"));
        all.add(store.thingsInGroups(List.of("g"), null, 10));
        all.add(store.executionsDueBy(Instant.parse("2027-01-01T00:00:00Z"), 10));
        return all;
    }

    /** A delivered notify-next gets its document and thing ARN on delivery (SPEC E4); the outbox keeps neither. */
    private static EngineEvent asStored(EngineEvent delivered) {
        if (delivered instanceof NextJobExecutionChanged next && next.execution() != null) {
            return new NextJobExecutionChanged(next.thingName(), next.execution().toBuilder().thingArn(null)
                    .jobDocument(null).build(), next.occurredAt());
        }
        return delivered;
    }
}
