package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.model.JobExecutionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event delivery across restarts and nodes (SPEC E1, E2) on the store under test. */
public abstract class EventScenarios extends EngineFixture {

    private JobsEngine node(String name, List<JobEvent> sink) {
        JobsEngine node = JobsEngine.builder().repository(repository).clock(clock).region(REGION).accountId(ACCOUNT)
                .nodeId(name).build();
        node.events().subscribe(EventSinks.jobEventsInto(sink));
        return node;
    }

    /**
     * The relay leases taken so far have run out by the store's clock. The engine's clock was advanced past them; a
     * store shared by several processes times leases by its own clock (the JDBC store, by the database's) and
     * overrides this to end them.
     */
    protected void relayLeasesRunOut() {
    }

    @Test
    void e2_eventsCommittedBeforeACrashAreDeliveredAfterTheRestart() {
        things("t1");
        // A node that crashed holds the relay lease: nothing committed now is delivered by it.
        repository.acquireEventRelay("crashed-node", clock.instant(), clock.instant().plusSeconds(10));
        int before = events.size();
        job("j1", "t1");
        startNext("t1");
        assertThat(events).hasSize(before);

        List<JobEvent> afterRestart = Collections.synchronizedList(new ArrayList<>());
        JobsEngine restarted = node("restarted", afterRestart);
        clock.advance(Duration.ofSeconds(11));
        relayLeasesRunOut();
        restarted.relayEvents();
        assertThat(afterRestart).extracting(JobEvent::jobId).containsOnly("j1");
        assertThat(afterRestart).hasSize(3);
        assertThat(afterRestart.get(2)).isInstanceOfSatisfying(JobExecutionStatusChanged.class,
                e -> assertThat(e.to()).isEqualTo(JobExecutionStatus.IN_PROGRESS));
    }

    @Test
    void e2_twoNodesOnOneStoreDeliverEveryEventOnceInCommitOrder() {
        List<JobEvent> seen = Collections.synchronizedList(new ArrayList<>());
        JobsEngine a = node("a", seen);
        JobsEngine b = node("b", seen);
        things("t1", "t2");
        events.clear();
        seen.clear();
        a.controlPlane().createJob(dev.iotjobs.api.control.CreateJobRequest.builder().jobId("j1").document(DOC)
                .targets(thingArn("t1"), thingArn("t2")).build());
        b.dataPlane().startNextPendingJobExecution(dev.iotjobs.api.data.StartNextPendingJobExecutionRequest
                .builder().thingName("t1").build());
        a.relayEvents();
        b.relayEvents();
        engine.relayEvents();
        List<JobEvent> all = new ArrayList<>(seen);
        all.addAll(events);
        assertThat(all).hasSize(4).doesNotHaveDuplicates();
    }
}
