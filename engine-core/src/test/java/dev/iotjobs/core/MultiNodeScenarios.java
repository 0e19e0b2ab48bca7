package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.DescribeJobExecutionRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.event.ThingEvent;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.spi.JobRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two engine nodes on one store, their devices racing over the same things (SPEC C1, J9, E2): every job completes
 * exactly once, counters are exact, no update applies on a stale version, nothing is lost.
 */
public abstract class MultiNodeScenarios {
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final int THINGS = 200;
    private static final int THREADS_PER_NODE = 4;
    private static final List<String> JOBS = List.of("alpha", "beta");

    /**
     * @return a new repository on the shared store of this test: every call of one test reaches the same data, as
     *     two service nodes reach one database
     */
    protected abstract JobRepository newNodeRepository();

    private JobsEngine node(String name, List<JobEvent> sink) {
        JobsEngine node = JobsEngine.builder().repository(newNodeRepository()).clock(Clock.systemUTC())
                .region(REGION).accountId(ACCOUNT).nodeId(name).build();
        node.events().subscribe(EventSinks.jobEventsInto(sink));
        return node;
    }

    @Test
    void c1_j9_twoNodesRacingOverTheSameThingsCompleteEachJobOnceWithExactCounters() throws Exception {
        List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());
        JobsEngine a = node("node-a", events);
        JobsEngine b = node("node-b", events);
        String[] names = new String[THINGS];
        a.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        for (int i = 0; i < THINGS; i++) {
            names[i] = "device-" + i;
            a.things().createThing(CreateThingRequest.builder().thingName(names[i]).build());
            a.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("fleet")
                    .thingName(names[i]).build());
        }
        for (String jobId : JOBS) {
            b.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document("{\"op\":\"update\"}")
                    .targets("arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thinggroup/fleet").build());
        }

        AtomicInteger applied = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> devices = new ArrayList<>();
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                int slice = t;
                // Thread t of node a and thread t of node b drive the same things.
                for (JobsEngine node : List.of(a, b)) {
                    devices.add(pool.submit(() -> {
                        go.await();
                        drive(node.dataPlane(), names, slice, applied, unexpected);
                        return null;
                    }));
                }
            }
            go.countDown();
            for (Future<?> device : devices) {
                device.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        a.relayEvents();
        b.relayEvents();

        assertThat(unexpected).hasValue(0);
        assertThat(applied).as("each execution ended exactly once").hasValue(JOBS.size() * THINGS);
        for (String jobId : JOBS) {
            Job job = a.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job();
            assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(job.jobProcessDetails().numberOfSucceededThings()).isEqualTo(THINGS);
            assertThat(job.jobProcessDetails().numberOfQueuedThings()).isZero();
            assertThat(job.jobProcessDetails().numberOfInProgressThings()).isZero();
            assertThat(events).filteredOn(e -> e instanceof JobStatusChanged changed && changed.jobId().equals(jobId)
                    && changed.to() == JobStatus.COMPLETED).hasSize(1);
        }
        for (String name : names) {
            JobExecution execution = b.controlPlane().describeJobExecution(DescribeJobExecutionRequest.builder()
                    .jobId("alpha").thingName(name).build()).execution();
            assertThat(execution.status()).isEqualTo(JobExecutionStatus.SUCCEEDED);
            assertThat(execution.versionNumber()).as("queued, started, succeeded: nothing lost or doubled")
                    .isEqualTo(3L);
        }
    }

    /** Runs the tasks at once (released together), waits for all and fails on the first failure. */
    private static void atOnce(List<java.util.concurrent.Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (java.util.concurrent.Callable<Void> task : tasks) {
                running.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            for (Future<?> task : running) {
                task.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.concurrent.Callable<Void> joins(JobsEngine node, String group, List<String> things,
                                                             boolean leave) {
        return () -> {
            for (String thing : things) {
                if (leave) {
                    node.things().removeThingFromThingGroup(dev.iotjobs.api.control.RemoveThingFromThingGroupRequest
                            .builder().thingGroupName(group).thingName(thing).build());
                } else {
                    node.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName(group)
                            .thingName(thing).build());
                }
            }
            return null;
        };
    }

    private static List<JobExecution> executionsOf(JobsEngine node, String jobId, String thing) {
        return node.controlPlane().listJobExecutionsForThing(
                        dev.iotjobs.api.control.ListJobExecutionsForThingRequest.builder().thingName(thing).jobId(jobId)
                                .build()).executionSummaries().stream()
                .map(s -> node.controlPlane().describeJobExecution(DescribeJobExecutionRequest.builder().jobId(jobId)
                        .thingName(thing).executionNumber(s.jobExecutionSummary().executionNumber()).build())
                        .execution())
                .toList();
    }

    @Test
    void g2_g3_joinsAndLeavesOnOneNodeRacingContinuousJobsCreatedCanceledAndDeletedOnTheOther() throws Exception {
        int size = 60;
        List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());
        JobsEngine a = node("node-a", events);
        JobsEngine b = node("node-b", events);
        String fleet = "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thinggroup/fleet";
        a.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        a.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("sub").parentGroupName("fleet")
                .build());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            names.add(String.format("d-%03d", i));
            a.things().createThing(CreateThingRequest.builder().thingName(names.get(i)).build());
        }
        List<String> continuous = List.of("c0", "c1", "c2", "c3");
        b.controlPlane().createJob(CreateJobRequest.builder().jobId("doomed").document("{}").targets(fleet)
                .targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS).build());
        b.controlPlane().createJob(CreateJobRequest.builder().jobId("canceled").document("{}").targets(fleet)
                .targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS).build());

        // Phase 1: joins into the group and a child group on both nodes while node b creates continuous jobs,
        // cancels one and deletes another.
        atOnce(List.of(
                joins(a, "fleet", names.subList(0, size / 2), false),
                joins(b, "sub", names.subList(size / 2, size), false),
                () -> {
                    for (String jobId : continuous) {
                        b.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document("{}")
                                .targets(fleet).targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS)
                                .build());
                    }
                    b.controlPlane().cancelJob(dev.iotjobs.api.control.CancelJobRequest.builder().jobId("canceled")
                            .build());
                    b.controlPlane().deleteJob(dev.iotjobs.api.control.DeleteJobRequest.builder().jobId("doomed")
                            .force(true).build());
                    return null;
                }));
        b.runDueWork();
        for (String jobId : continuous) {
            for (String thing : names) {
                List<JobExecution> executions = executionsOf(a, jobId, thing);
                assertThat(executions).as(jobId + " on " + thing).singleElement()
                        .satisfies(e -> assertThat(e.status()).isEqualTo(JobExecutionStatus.QUEUED));
            }
            assertThat(a.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job()
                    .jobProcessDetails().numberOfQueuedThings()).isEqualTo(size);
        }
        Job canceled = a.controlPlane().describeJob(DescribeJobRequest.builder().jobId("canceled").build()).job();
        assertThat(canceled.jobProcessDetails().numberOfQueuedThings()).as("nothing queued after the cancel")
                .isZero();
        for (String thing : names) {
            assertThat(executionsOf(a, "canceled", thing)).allSatisfy(e ->
                    assertThat(e.status()).isEqualTo(JobExecutionStatus.CANCELED));
        }

        // Phase 2: half leave on node a while the other half leave and rejoin on node b and a job is created.
        atOnce(List.of(
                joins(a, "fleet", names.subList(0, size / 2), true),
                () -> {
                    joins(b, "sub", names.subList(size / 2, size), true).call();
                    joins(b, "sub", names.subList(size / 2, size), false).call();
                    return null;
                },
                () -> {
                    a.controlPlane().createJob(CreateJobRequest.builder().jobId("late").document("{}").targets(fleet)
                            .targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS).build());
                    return null;
                }));
        for (String jobId : continuous) {
            var counts = b.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job()
                    .jobProcessDetails();
            assertThat(counts.numberOfQueuedThings()).as(jobId).isEqualTo(size / 2);
            assertThat(counts.numberOfRemovedThings()).as(jobId).isEqualTo(size);
            for (String thing : names.subList(size / 2, size)) {
                List<JobExecution> executions = executionsOf(b, jobId, thing);
                assertThat(executions).hasSize(2);
                assertThat(executions.get(1).status()).isEqualTo(JobExecutionStatus.QUEUED);
            }
        }
        var late = b.controlPlane().describeJob(DescribeJobRequest.builder().jobId("late").build()).job()
                .jobProcessDetails();
        for (String thing : names.subList(0, size / 2)) {
            assertThat(executionsOf(b, "late", thing)).allSatisfy(e ->
                    assertThat(e.status()).isEqualTo(JobExecutionStatus.REMOVED));
        }
        for (String thing : names.subList(size / 2, size)) {
            assertThat(executionsOf(b, "late", thing).stream().filter(e -> e.status() == JobExecutionStatus.QUEUED))
                    .as("late on " + thing).hasSize(1);
        }
        assertThat(late.numberOfQueuedThings()).isEqualTo(size / 2);
    }

    /**
     * SPEC E4, E2 with G2, G3 across nodes: joins, leaves and a device on node a race continuous and snapshot jobs
     * created and canceled on node b. Every thing's notifications, replayed in delivery order, are its commits in
     * order: no execution leaves a notify and comes back, no version goes back, no two notifies in a row show the
     * same pending set, no two notify-next in a row the same head, and the last of each is the thing's pending set
     * and head now.
     */
    @Test
    void e4_g2_g3_joinsOnOneNodeRacingJobsCreatedAndCanceledOnTheOtherNotifyEachThingOnceInCommitOrder()
            throws Exception {
        int size = 12;
        List<ThingEvent> notices = Collections.synchronizedList(new ArrayList<>());
        JobsEngine a = notifyingNode("node-a", notices);
        JobsEngine b = notifyingNode("node-b", notices);
        String fleet = "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thinggroup/fleet";
        a.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        a.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("sub").parentGroupName("fleet")
                .build());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            names.add(String.format("n-%02d", i));
            a.things().createThing(CreateThingRequest.builder().thingName(names.get(i)).build());
        }
        List<String> thingArns = names.stream()
                .map(n -> "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thing/" + n).toList();

        atOnce(List.of(
                () -> {
                    for (int round = 0; round < 2; round++) {
                        joins(a, "fleet", names.subList(0, size / 2), false).call();
                        joins(a, "sub", names.subList(size / 2, size), false).call();
                        joins(a, "fleet", names.subList(0, size / 4), true).call();
                        joins(a, "sub", names.subList(size / 2, size / 2 + size / 4), true).call();
                    }
                    return null;
                },
                () -> {
                    for (String jobId : List.of("c0", "c1", "c2")) {
                        b.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document("{}")
                                .targets(fleet).targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS)
                                .build());
                    }
                    b.controlPlane().createJob(CreateJobRequest.builder().jobId("s0").document("{}")
                            .targets(thingArns.subList(0, size / 2)).build());
                    b.controlPlane().cancelJob(dev.iotjobs.api.control.CancelJobRequest.builder().jobId("c1")
                            .build());
                    b.controlPlane().createJob(CreateJobRequest.builder().jobId("s1").document("{}")
                            .targets(thingArns.subList(size / 4, size)).build());
                    b.controlPlane().cancelJob(dev.iotjobs.api.control.CancelJobRequest.builder().jobId("s0")
                            .force(true).build());
                    b.controlPlane().createJob(CreateJobRequest.builder().jobId("c3").document("{}")
                            .targets(fleet).targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS)
                            .build());
                    return null;
                },
                () -> {
                    for (int round = 0; round < 3; round++) {
                        for (String thing : names.subList(0, 3)) {
                            JobExecution next = a.dataPlane().startNextPendingJobExecution(
                                    StartNextPendingJobExecutionRequest.builder().thingName(thing).build())
                                    .execution();
                            if (next != null) {
                                a.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder()
                                        .jobId(next.jobId()).thingName(thing).status(JobExecutionStatus.SUCCEEDED)
                                        .build());
                            }
                        }
                    }
                    return null;
                }));
        a.relayEvents();
        b.relayEvents();
        a.relayEvents();

        for (String thing : names) {
            List<ThingEvent> got;
            synchronized (notices) {
                got = notices.stream().filter(e -> e.thingName().equals(thing)).toList();
            }
            List<List<JobExecutionSummary>> sets = got.stream()
                    .filter(e -> e instanceof PendingJobExecutionsChanged)
                    .map(e -> (PendingJobExecutionsChanged) e)
                    .map(e -> { List<JobExecutionSummary> all = new ArrayList<>(e.inProgressJobs());
                        all.addAll(e.queuedJobs());
                        return all; })
                    .toList();
            List<String> heads = got.stream().filter(e -> e instanceof NextJobExecutionChanged)
                    .map(e -> ((NextJobExecutionChanged) e).execution())
                    .map(e -> e == null ? "none" : e.jobId() + "#" + e.executionNumber()).toList();
            List<List<String>> shown = sets.stream().map(set -> set.stream()
                    .map(x -> x.jobId() + "#" + x.executionNumber()).toList()).toList();
            assertThat(sets).as("notifies of %s", thing).isNotEmpty();
            java.util.Map<String, Long> versions = new java.util.HashMap<>();
            java.util.Set<String> gone = new java.util.HashSet<>();
            List<String> previous = null;
            for (List<JobExecutionSummary> set : sets) {
                List<String> keys = set.stream().map(s -> s.jobId() + "#" + s.executionNumber()).sorted().toList();
                assertThat(keys).as("%s: two notifies in a row with one pending set: %s", thing, shown)
                        .isNotEqualTo(previous);
                if (previous != null) {
                    previous.stream().filter(k -> !keys.contains(k)).forEach(gone::add);
                }
                for (JobExecutionSummary s : set) {
                    String key = s.jobId() + "#" + s.executionNumber();
                    assertThat(gone).as("%s: %s left the pending set and came back: %s", thing, key, shown)
                            .doesNotContain(key);
                    Long before = versions.put(key, s.versionNumber());
                    assertThat(before == null || before <= s.versionNumber())
                            .as("%s: %s went back from version %s to %s", thing, key, before, s.versionNumber())
                            .isTrue();
                }
                previous = keys;
            }
            for (int i = 1; i < heads.size(); i++) {
                assertThat(heads.get(i)).as("%s: notify-next twice with one head: %s", thing, heads)
                        .isNotEqualTo(heads.get(i - 1));
            }
            var now = b.dataPlane().getPendingJobExecutions(
                    dev.iotjobs.api.data.GetPendingJobExecutionsRequest.builder().thingName(thing).build());
            List<String> nowKeys = java.util.stream.Stream.concat(now.inProgressJobs().stream(),
                    now.queuedJobs().stream()).map(s -> s.jobId() + "#" + s.executionNumber()).toList();
            assertThat(previous).as("%s: the last notify is its pending set", thing)
                    .containsExactlyInAnyOrderElementsOf(nowKeys);
            String head = nowKeys.isEmpty() ? "none" : nowKeys.get(0);
            assertThat(heads).as("%s: the last notify-next is its head", thing).last().isEqualTo(head);
        }
    }

    private JobsEngine notifyingNode(String name, List<ThingEvent> sink) {
        // No wait for missing sequence numbers: a node that went past one delivers it late, which the per-thing order
        // must survive (the thing's row lock orders its commits' sequence numbers).
        JobsEngine node = JobsEngine.builder().repository(newNodeRepository()).clock(Clock.systemUTC())
                .region(REGION).accountId(ACCOUNT).nodeId(name).eventGapWait(java.time.Duration.ZERO).build();
        node.events().subscribe(EventSinks.thingEventsInto(sink));
        return node;
    }

    /** One device thread: start the next job of each of its things and finish it, until nothing is pending. */
    private static void drive(JobsDataPlane plane, String[] names, int slice, AtomicInteger applied,
                              AtomicInteger unexpected) {
        for (int i = slice; i < names.length; i += THREADS_PER_NODE) {
            String thing = names[i];
            while (true) {
                JobExecution next = plane.startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                        .thingName(thing).build()).execution();
                if (next == null) {
                    break;
                }
                try {
                    plane.updateJobExecution(UpdateJobExecutionRequest.builder().jobId(next.jobId()).thingName(thing)
                            .status(JobExecutionStatus.SUCCEEDED).expectedVersion(next.versionNumber()).build());
                    applied.incrementAndGet();
                } catch (VersionConflictException | InvalidStateTransitionException e) {
                    // The twin thread on the other node finished it first: the stale update was refused.
                } catch (RuntimeException e) {
                    unexpected.incrementAndGet();
                }
            }
        }
    }
}
