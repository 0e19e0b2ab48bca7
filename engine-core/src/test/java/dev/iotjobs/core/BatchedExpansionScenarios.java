package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.AssociateTargetsWithJobRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.RemoveThingFromThingGroupRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.ExponentialRolloutRate;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.RateIncreaseCriteria;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.StatusCounts;
import dev.iotjobs.spi.ThingRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SPEC C4, J3, J8, T7, G2, G5: CreateJob, a scheduled start and AssociateTargetsWithJob over groups larger than one
 * batch commit the first batch and leave the rest to due work, batch by batch, on the store under test.
 */
public abstract class BatchedExpansionScenarios extends EngineFixture {
    private static final int FLEET = 5_000;
    private static final int BATCH_SIZE = 1_000;

    /** The most executions any one commit touched since counting began (SPEC C4: at most batchSize). */
    private final AtomicInteger largestCommit = new AtomicInteger();
    private final AtomicBoolean counting = new AtomicBoolean();
    /** The most held-back things any one commit held back or released since counting began. */
    private final AtomicInteger largestRelease = new AtomicInteger();
    /** After every counted commit that created executions of the job "big": its counts and its executions. */
    private final List<String> countMismatches = new CopyOnWriteArrayList<>();
    private final AtomicInteger batches = new AtomicInteger();

    /** Wraps the store so that every commit's executions are counted, and checks the counters after each batch. */
    private JobRepository counted() {
        JobRepository store = repository;
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    Changeset c = method.getName().equals("commit") ? (Changeset) args[0] : null;
                    if (c != null && counting.get()) {
                        largestCommit.accumulateAndGet(c.executionInserts().size() + c.executionUpdates().size()
                                + c.executionDeletes().size(), Math::max);
                        largestRelease.accumulateAndGet(c.rolloutDeletes().size() + c.rolloutInserts().size(),
                                Math::max);
                    }
                    Object result;
                    try {
                        result = method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (c != null && counting.get()
                            && c.executionInserts().stream().anyMatch(e -> e.jobId().equals("big"))) {
                        batches.incrementAndGet();
                        // SPEC C4, X1: the counters are exact after every batch.
                        StatusCounts counts = store.findJob("big").orElseThrow().counts();
                        int stored = all(store, "big").size();
                        if (counts.queued() != stored) {
                            countMismatches.add("queued " + counts.queued() + ", executions " + stored);
                        }
                    }
                    return result;
                });
    }

    /** Seeds a group of {@code size} things t00000... straight into the store, a thousand per commit. */
    private void fleet(String group, int size) {
        registry().createThingGroup(CreateThingGroupRequest.builder().thingGroupName(group).build());
        for (int from = 0; from < size; from += 1_000) {
            Changeset.Builder changes = Changeset.builder();
            for (int i = from; i < Math.min(size, from + 1_000); i++) {
                String name = thing(i);
                changes.insertThing(new ThingRecord(name, thingArn(name), "id-" + name, null, Map.of(), 1))
                        .addMembership(group, name);
            }
            repository.commit(changes.build());
        }
    }

    private static String thing(int i) {
        return String.format("t%05d", i);
    }

    private JobsEngine batched(int batchSize, List<JobEvent> seen) {
        JobsEngine batched = JobsEngine.builder().repository(counted()).clock(clock).region(REGION)
                .accountId(ACCOUNT).batchSize(batchSize).build();
        batched.events().subscribe(EventSinks.jobEventsInto(seen));
        return batched;
    }

    @Test
    void c4_j3_createJobOnALargeGroupCommitsOneBatchAndDueWorkAddsTheRestBatchByBatch() {
        fleet("fleet", FLEET);
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        try (JobsEngine batched = batched(BATCH_SIZE, seen)) {
            counting.set(true);
            batched.controlPlane().createJob(CreateJobRequest.builder().jobId("big").document(DOC)
                    .targets(List.of(groupArn("fleet"))).build());
            // SPEC C4: CreateJob committed the job and one batch; the rest is owed, and the job is concurrent.
            assertThat(all(repository, "big")).hasSize(BATCH_SIZE);
            Job created = describe(batched, "big");
            assertThat(created.status()).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(created.isConcurrent()).as("isConcurrent while the expansion is owed").isTrue();
            assertThat(created.jobProcessDetails().numberOfQueuedThings()).isEqualTo(BATCH_SIZE);
            assertThat(created.jobProcessDetails().processingTargets()).containsExactly(groupArn("fleet"));

            batched.runDueWork();
            assertThat(largestCommit.get()).as("executions one commit touched").isLessThanOrEqualTo(BATCH_SIZE);
            assertThat(batches.get()).as("commits that created executions").isEqualTo(FLEET / BATCH_SIZE);
            assertThat(countMismatches).isEmpty();
            List<ExecutionRecord> executions = all(repository, "big");
            assertThat(executions).hasSize(FLEET);
            assertThat(executions).extracting(ExecutionRecord::thingName).doesNotHaveDuplicates()
                    .startsWith(thing(0)).endsWith(thing(FLEET - 1));
            assertThat(executions).allSatisfy(e -> assertThat(e.executionNumber()).isEqualTo(1));
            // SPEC E1: one JobExecutionCreated per execution.
            assertThat(seen).filteredOn(JobExecutionCreated.class::isInstance).hasSize(FLEET);
            Job done = describe(batched, "big");
            assertThat(done.isConcurrent()).isFalse();
            assertThat(done.jobProcessDetails().processingTargets()).isEmpty();
            assertThat(done.jobProcessDetails().numberOfQueuedThings()).isEqualTo(FLEET);
            assertThat(done.status()).isEqualTo(JobStatus.IN_PROGRESS);
        }
    }

    @Test
    void c4_j8_j9_aSnapshotJobWhoseExecutionsEndBeforeItsExpansionEndsCompletesOnlyAfterIt() {
        things("a", "b", "c", "d", "e");
        group("g", null, "a", "b", "c", "d", "e");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        try (JobsEngine small = batched(2, seen)) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(groupArn("g"))).build());
            roundTrip(small, "a", JobExecutionStatus.SUCCEEDED);
            roundTrip(small, "b", JobExecutionStatus.FAILED);
            // SPEC J8: every execution so far ended, but members are still to be reached: not complete.
            Job owed = describe(small, "j1");
            assertThat(owed.status()).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(owed.isConcurrent()).isTrue();
            assertThat(owed.jobProcessDetails().numberOfSucceededThings()).isEqualTo(1);
            assertThat(owed.jobProcessDetails().numberOfFailedThings()).isEqualTo(1);

            small.runDueWork();
            Job expanded = describe(small, "j1");
            assertThat(expanded.status()).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(expanded.isConcurrent()).isFalse();
            assertThat(expanded.jobProcessDetails().numberOfQueuedThings()).isEqualTo(3);
            for (String thing : List.of("c", "d", "e")) {
                roundTrip(small, thing, JobExecutionStatus.SUCCEEDED);
            }
            assertThat(describe(small, "j1").status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(seen).filteredOn(JobStatusChanged.class::isInstance).map(JobStatusChanged.class::cast)
                    .filteredOn(e -> e.to() == JobStatus.COMPLETED).hasSize(1);
        }
    }

    @Test
    void c4_j8_aSnapshotJobCompletesWithTheLastBatchWhenItsExecutionsAllEndedAndNoMemberIsLeft() {
        things("a", "b", "c");
        group("g", null, "a", "b", "c");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        try (JobsEngine small = batched(2, seen)) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(groupArn("g"))).build());
            // c leaves before the expansion reaches it: the job does not include it (the rule of ExpansionSteps).
            registry().removeThingFromThingGroup(RemoveThingFromThingGroupRequest.builder().thingGroupName("g")
                    .thingName("c").build());
            roundTrip(small, "a", JobExecutionStatus.SUCCEEDED);
            roundTrip(small, "b", JobExecutionStatus.SUCCEEDED);
            assertThat(describe(small, "j1").status()).isEqualTo(JobStatus.IN_PROGRESS);

            small.runDueWork();
            Job done = describe(small, "j1");
            assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(done.jobProcessDetails().numberOfSucceededThings()).isEqualTo(2);
            assertThat(done.isConcurrent()).isFalse();
            assertThat(repository.findExecution("j1", "c", null)).isEmpty();
            assertThat(seen).filteredOn(JobStatusChanged.class::isInstance).map(JobStatusChanged.class::cast)
                    .filteredOn(e -> e.to() == JobStatus.COMPLETED).hasSize(1);
        }
    }

    @Test
    void c4_aSnapshotExpansionReachesTheThingsThatAreMembersWhenItsBatchIsRead() {
        things("b", "c", "d", "e", "a0", "z");
        group("g", null, "b", "c", "d", "e");
        try (JobsEngine small = batched(2, new CopyOnWriteArrayList<>())) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(groupArn("g"), thingArn("c"))).build());
            assertThat(all(repository, "j1")).extracting(ExecutionRecord::thingName).containsExactly("b", "c");
            // A join under a name the expansion has passed is not reached; one past its place is.
            for (String joining : List.of("a0", "z")) {
                registry().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("g")
                        .thingName(joining).build());
            }
            small.runDueWork();
            assertThat(all(repository, "j1")).extracting(ExecutionRecord::thingName)
                    .containsExactly("b", "c", "d", "e", "z");
            assertThat(describe(small, "j1").jobProcessDetails().numberOfQueuedThings()).isEqualTo(5);
        }
    }

    @Test
    void c4_t7_aGradualRolloutOverABatchedExpansionRollsOutAsWithoutBatches() {
        fleet("fleet", 10);
        JobExecutionsRolloutConfig rollout = JobExecutionsRolloutConfig.builder().maximumPerMinute(3).build();
        try (JobsEngine small = batched(4, new CopyOnWriteArrayList<>())) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(groupArn("fleet"))).jobExecutionsRolloutConfig(rollout).build());
            assertThat(names("j1")).containsExactly(thing(0), thing(1), thing(2));
            Job first = describe(small, "j1");
            assertThat(first.isConcurrent()).isTrue();
            assertThat(first.jobProcessDetails().processingTargets()).containsExactly(groupArn("fleet"));
            small.runDueWork();
            // SPEC T7: at most 3 in any 60-second window, in thing-name order, however the expansion is batched.
            assertThat(names("j1")).hasSize(3);
            clock.advance(Duration.ofSeconds(60));
            small.runDueWork();
            assertThat(names("j1")).containsExactly(thing(0), thing(1), thing(2), thing(3), thing(4), thing(5));
            clock.advance(Duration.ofSeconds(60));
            small.runDueWork();
            clock.advance(Duration.ofSeconds(60));
            small.runDueWork();
            assertThat(names("j1")).hasSize(10);
            Job done = describe(small, "j1");
            assertThat(done.isConcurrent()).isFalse();
            assertThat(done.jobProcessDetails().numberOfQueuedThings()).isEqualTo(10);
        }
    }

    @Test
    void c4_t7_anExponentialRolloutOverABatchedExpansionCountsEveryThingOnce() {
        fleet("fleet", 7);
        JobExecutionsRolloutConfig rollout = JobExecutionsRolloutConfig.builder().maximumPerMinute(100)
                .exponentialRate(ExponentialRolloutRate.builder().baseRatePerMinute(2).incrementFactor(2.0)
                        .rateIncreaseCriteria(RateIncreaseCriteria.builder().numberOfNotifiedThings(2).build())
                        .build()).build();
        try (JobsEngine small = batched(3, new CopyOnWriteArrayList<>())) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(groupArn("fleet"))).jobExecutionsRolloutConfig(rollout).build());
            small.runDueWork();
            assertThat(names("j1")).hasSize(2);
            assertThat(repository.findJob("j1").orElseThrow().heldBack()).isEqualTo(5);
            clock.advance(Duration.ofSeconds(60));
            small.runDueWork();
            assertThat(names("j1")).hasSize(6);   // the rate doubled to 4
            clock.advance(Duration.ofSeconds(60));
            small.runDueWork();
            assertThat(names("j1")).hasSize(7);
            assertThat(describe(small, "j1").isConcurrent()).isFalse();
        }
    }

    @Test
    void c4_g2_aContinuousJobsBatchedExpansionSkipsThingsAJoinReachedAndFollowsLeaves() {
        things("a", "b", "c", "d", "e", "f");
        group("g", null, "a", "b", "c", "d", "e");
        try (JobsEngine small = batched(2, new CopyOnWriteArrayList<>())) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targetSelection(TargetSelection.CONTINUOUS).targets(List.of(groupArn("g"))).build());
            assertThat(names("j1")).containsExactly("a", "b");
            // SPEC G2: a join mid-expansion gets its execution at once; the expansion does not add a second one.
            registry().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("g")
                    .thingName("f").build());
            roundTrip(small, "f", JobExecutionStatus.SUCCEEDED);
            // A thing that leaves before the expansion reaches it gets none.
            registry().removeThingFromThingGroup(RemoveThingFromThingGroupRequest.builder().thingGroupName("g")
                    .thingName("d").build());
            small.runDueWork();
            assertThat(all(repository, "j1")).extracting(e -> e.thingName() + "#" + e.executionNumber())
                    .containsExactly("a#1", "b#1", "c#1", "e#1", "f#1");
            Job job = describe(small, "j1");
            assertThat(job.isConcurrent()).isFalse();
            assertThat(job.status()).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(job.jobProcessDetails().numberOfQueuedThings()).isEqualTo(4);
            assertThat(job.jobProcessDetails().numberOfSucceededThings()).isEqualTo(1);
        }
    }

    @Test
    void c4_g5_associateTargetsWithJobAddingALargeGroupExpandsItInBatches() {
        things("a", "p", "q", "r", "s", "t");
        group("g1", null, "a");
        group("g2", null, "a", "p", "q", "r", "s", "t");
        try (JobsEngine small = batched(2, new CopyOnWriteArrayList<>())) {
            counting.set(true);
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targetSelection(TargetSelection.CONTINUOUS).targets(List.of(groupArn("g1"))).build());
            small.controlPlane().associateTargetsWithJob(AssociateTargetsWithJobRequest.builder().jobId("j1")
                    .targets(List.of(groupArn("g2"))).build());
            assertThat(names("j1")).containsExactly("a", "p");
            Job owed = describe(small, "j1");
            assertThat(owed.isConcurrent()).isTrue();
            assertThat(owed.jobProcessDetails().processingTargets()).containsExactly(groupArn("g2"));
            small.runDueWork();
            assertThat(names("j1")).containsExactly("a", "p", "q", "r", "s", "t");
            assertThat(describe(small, "j1").isConcurrent()).isFalse();
            assertThat(describe(small, "j1").targets()).containsExactly(groupArn("g1"), groupArn("g2"));
            assertThat(largestCommit.get()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void c4_j7_aCancelStopsAnOwedExpansion() {
        things("a", "b", "c", "d", "e");
        group("g", null, "a", "b", "c", "d", "e");
        try (JobsEngine small = batched(2, new CopyOnWriteArrayList<>())) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(groupArn("g"))).build());
            small.controlPlane().cancelJob(CancelJobRequest.builder().jobId("j1").build());
            small.runDueWork();
            assertThat(names("j1")).containsExactly("a", "b");
            Job canceled = describe(small, "j1");
            assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
            assertThat(canceled.isConcurrent()).isFalse();
            assertThat(canceled.jobProcessDetails().numberOfCanceledThings()).isEqualTo(2);
            assertThat(canceled.jobProcessDetails().processingTargets()).isEmpty();
        }
    }

    @Test
    void c4_t8_aScheduledStartOverALargeGroupExpandsInBatches() {
        fleet("fleet", 7);
        try (JobsEngine small = batched(2, new CopyOnWriteArrayList<>())) {
            counting.set(true);
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(groupArn("fleet")))
                    .schedulingConfig(SchedulingConfig.builder().startTime("2026-01-01T00:30").build()).build());
            assertThat(names("j1")).isEmpty();
            clock.advance(Duration.ofMinutes(31));
            small.runDueWork();
            assertThat(names("j1")).hasSize(7);
            assertThat(describe(small, "j1").status()).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(describe(small, "j1").isConcurrent()).isFalse();
            assertThat(largestCommit.get()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void c4_t8_aStopRolloutEndStopsAnOwedExpansion() {
        fleet("fleet", 7);
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        try (JobsEngine small = batched(2, seen)) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(groupArn("fleet")))
                    .schedulingConfig(SchedulingConfig.builder().startTime("2025-12-31T00:00")
                            .endTime("2026-01-01T00:30").build()).build());
            assertThat(names("j1")).hasSize(2);
            clock.advance(Duration.ofMinutes(31));   // no due work ran in between: the end comes first
            small.runDueWork();
            assertThat(names("j1")).hasSize(2);
            Job stopped = describe(small, "j1");
            assertThat(stopped.isConcurrent()).isFalse();
            roundTrip(small, thing(0), JobExecutionStatus.SUCCEEDED);
            roundTrip(small, thing(1), JobExecutionStatus.SUCCEEDED);
            assertThat(describe(small, "j1").status()).isEqualTo(JobStatus.COMPLETED);
        }
    }

    @Test
    void c4_t8_aStopRolloutEndReleasesTheHeldBackThingsInBatchesAndTheJobCompletesAfterwards() {
        fleet("fleet", 9);
        JobExecutionsRolloutConfig rollout = JobExecutionsRolloutConfig.builder().maximumPerMinute(1).build();
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        try (JobsEngine small = batched(2, seen)) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(groupArn("fleet"))).jobExecutionsRolloutConfig(rollout)
                    .schedulingConfig(SchedulingConfig.builder().startTime("2025-12-31T00:00")
                            .endTime("2026-01-01T00:30").build()).build());
            small.runDueWork();
            assertThat(repository.findJob("j1").orElseThrow().heldBack()).isEqualTo(8);
            counting.set(true);
            clock.advance(Duration.ofMinutes(31));
            small.runDueWork();
            // SPEC T8: no new execution past the end; SPEC C4: the release went a batch per commit.
            assertThat(names("j1")).containsExactly(thing(0));
            assertThat(largestRelease.get()).isLessThanOrEqualTo(2);
            assertThat(repository.rolloutTargets("j1", 100)).isEmpty();
            Job stopped = describe(small, "j1");
            assertThat(stopped.isConcurrent()).isFalse();
            assertThat(stopped.jobProcessDetails().processingTargets()).isEmpty();
            assertThat(stopped.status()).isEqualTo(JobStatus.IN_PROGRESS);
            roundTrip(small, thing(0), JobExecutionStatus.SUCCEEDED);
            assertThat(describe(small, "j1").status()).isEqualTo(JobStatus.COMPLETED);
        }
    }

    @Test
    void c4_g4_deletingAThingWithMorePendingExecutionsThanABatchRemovesThemBatchByBatch() {
        things("a", "b");
        try (JobsEngine small = batched(2, new CopyOnWriteArrayList<>())) {
            for (int i = 0; i < 5; i++) {
                small.controlPlane().createJob(CreateJobRequest.builder().jobId("j" + i).document(DOC)
                        .targets(List.of(thingArn("a"), thingArn("b"))).build());
            }
            small.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                    .thingName("a").build());
            counting.set(true);
            small.things().deleteThing(dev.iotjobs.api.control.DeleteThingRequest.builder().thingName("a").build());
            assertThat(largestCommit.get()).isLessThanOrEqualTo(2);
            assertThat(repository.findThing("a")).isEmpty();
            for (int i = 0; i < 5; i++) {
                // SPEC G4: REMOVED, counters moved; b's goes on.
                assertThat(repository.findExecution("j" + i, "a", null).orElseThrow().status())
                        .isEqualTo(JobExecutionStatus.REMOVED);
                Job job = describe(small, "j" + i);
                assertThat(job.jobProcessDetails().numberOfRemovedThings()).isEqualTo(1);
                assertThat(job.jobProcessDetails().numberOfQueuedThings()).isEqualTo(1);
                assertThat(job.jobProcessDetails().numberOfInProgressThings()).isZero();
            }
        }
    }

    @Test
    void c4_g4_aDeleteThingWithAStaleExpectedVersionChangesNothingEvenPastOneBatch() {
        things("a");
        try (JobsEngine small = batched(2, new CopyOnWriteArrayList<>())) {
            for (int i = 0; i < 5; i++) {
                small.controlPlane().createJob(CreateJobRequest.builder().jobId("j" + i).document(DOC)
                        .targets(List.of(thingArn("a"))).build());
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> small.things().deleteThing(
                            dev.iotjobs.api.control.DeleteThingRequest.builder().thingName("a").expectedVersion(7L)
                                    .build()))
                    .isInstanceOf(dev.iotjobs.api.error.VersionConflictException.class);
            for (int i = 0; i < 5; i++) {
                assertThat(repository.findExecution("j" + i, "a", null).orElseThrow().status())
                        .isEqualTo(JobExecutionStatus.QUEUED);
            }
        }
    }

    /**
     * SPEC C4's goal: CreateJob on a group of {@code -Dexpansion.things} things (100,000 in the README's figure)
     * returns in well under a second. Off by default: seeding the group takes a while.
     */
    @Test
    void c4_createJobOnAVeryLargeGroupReturnsQuickly() {
        int size = Integer.getInteger("expansion.things", 0);
        if (size <= 0) {
            return;
        }
        fleet("fleet", size);
        // -Dexpansion.batchSize larger than the group gives the figure of one unbatched CreateJob to compare with.
        try (JobsEngine batched = batched(Integer.getInteger("expansion.batchSize", BATCH_SIZE),
                new CopyOnWriteArrayList<>())) {
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                batched.controlPlane().createJob(CreateJobRequest.builder().jobId("big" + round).document(DOC)
                        .targets(List.of(groupArn("fleet"))).build());
                long createMs = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                batched.runDueWork();
                long expandMs = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("expansion.things=%d batchSize=%d round %d: CreateJob %d ms, due work expanding "
                        + "the rest %d ms%n", size, Integer.getInteger("expansion.batchSize", BATCH_SIZE), round,
                        createMs, expandMs);
                assertThat(repository.findJob("big" + round).orElseThrow().counts().queued()).isEqualTo(size);
            }
        }
    }

    private List<String> names(String jobId) {
        return all(repository, jobId).stream().map(ExecutionRecord::thingName).toList();
    }

    /** StartNext on the thing, then Update to {@code status}. */
    private static void roundTrip(JobsEngine engine, String thing, JobExecutionStatus status) {
        String jobId = engine.dataPlane().startNextPendingJobExecution(
                StartNextPendingJobExecutionRequest.builder().thingName(thing).build()).execution().jobId();
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId(jobId).thingName(thing)
                .status(status).build());
    }

    private static Job describe(JobsEngine engine, String jobId) {
        return engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job();
    }

    private static List<ExecutionRecord> all(JobRepository store, String jobId) {
        List<ExecutionRecord> all = new ArrayList<>();
        JobExecutionsKey after = null;
        while (true) {
            Page<ExecutionRecord> page = store.listExecutionsForJob(jobId, null, after, 1_000);
            all.addAll(page.items());
            if (!page.hasMore() || page.items().isEmpty()) {
                return all;
            }
            ExecutionRecord last = page.items().get(page.items().size() - 1);
            after = new JobExecutionsKey(last.thingName(), last.executionNumber());
        }
    }
}
