package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.ThingRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SPEC C4, J7, X18: CancelJob(force) on a large job while devices keep working on it, on the store under test. */
public abstract class CancelUnderLoadScenarios extends EngineFixture {
    private static final int EXECUTIONS = 20_000;
    private static final int BATCH_SIZE = 1_000;
    private static final int DEVICES = 8;

    /** The most executions any one commit touched since counting began (SPEC C4: at most batchSize). */
    private final AtomicInteger largestCommit = new AtomicInteger();
    private final AtomicBoolean counting = new AtomicBoolean();

    /** Wraps the store so that every commit's executions are counted. */
    private JobRepository counted() {
        JobRepository store = repository;
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    if (counting.get() && method.getName().equals("commit")) {
                        Changeset c = (Changeset) args[0];
                        largestCommit.accumulateAndGet(c.executionInserts().size() + c.executionUpdates().size()
                                + c.executionDeletes().size(), Math::max);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Seeds a group of {@link #EXECUTIONS} things straight into the store, a thousand per commit. */
    private void fleet() {
        registry().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        for (int from = 0; from < EXECUTIONS; from += 1_000) {
            Changeset.Builder changes = Changeset.builder();
            for (int i = from; i < from + 1_000; i++) {
                String name = thing(i);
                changes.insertThing(new ThingRecord(name, thingArn(name), "id-" + name, null, Map.of(), 1))
                        .addMembership("fleet", name);
            }
            repository.commit(changes.build());
        }
    }

    private static String thing(int i) {
        return String.format("t%05d", i);
    }

    @Test
    void c4_forcedCancelOfALargeJobReturnsCanceledWhileDevicesWorkAndDueWorkCancelsTheRestInBatches()
            throws Exception {
        fleet();
        try (JobsEngine batched = JobsEngine.builder().repository(counted()).clock(clock).region(REGION)
                .accountId(ACCOUNT).batchSize(BATCH_SIZE).build()) {
            batched.controlPlane().createJob(CreateJobRequest.builder().jobId("big").document(DOC)
                    .targets(List.of(groupArn("fleet"))).build());
            batched.runDueWork();   // SPEC C4: the group's members past the first batch
            counting.set(true);
            Map<String, JobExecutionStatus> setByDevice = new ConcurrentHashMap<>();
            List<Throwable> unexpected = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger roundTrips = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
            try {
                List<Future<?>> devices = new java.util.ArrayList<>();
                for (int d = 0; d < DEVICES; d++) {
                    int device = d;
                    devices.add(pool.submit(() -> {
                        for (int i = device; i < EXECUTIONS && !stop.get(); i += DEVICES) {
                            try {
                                roundTrip(batched, thing(i), i % 2 == 0 ? JobExecutionStatus.SUCCEEDED
                                        : JobExecutionStatus.FAILED, setByDevice);
                                roundTrips.incrementAndGet();
                            } catch (InvalidStateTransitionException e) {
                                // SPEC X18: the cancel got there first.
                            } catch (RuntimeException e) {
                                unexpected.add(e);
                            }
                        }
                    }));
                }
                while (roundTrips.get() < 50 && unexpected.isEmpty()) {
                    Thread.sleep(5);
                }
                // SPEC C4: CancelJob returns once the job is CANCELED; the executions follow in due work.
                batched.controlPlane().cancelJob(CancelJobRequest.builder().jobId("big").force(true).build());
                Job canceled = describe(batched, "big");
                assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
                assertThat(canceled.isConcurrent()).as("isConcurrent while the cancel is under way").isTrue();
                batched.runDueWork();
                stop.set(true);
                for (Future<?> device : devices) {
                    device.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            batched.runDueWork();
            assertThat(unexpected).isEmpty();
            assertThat(largestCommit.get()).as("executions one commit touched").isLessThanOrEqualTo(BATCH_SIZE);

            Job done = describe(batched, "big");
            assertThat(done.isConcurrent()).as("isConcurrent after the cancel").isFalse();
            int canceledCount = 0;
            for (ExecutionRecord execution : all("big")) {
                JobExecutionStatus set = setByDevice.get(execution.thingName());
                if (set != null) {
                    assertThat(execution.status()).as(execution.thingName()).isEqualTo(set);
                } else {
                    assertThat(execution.status()).as(execution.thingName()).isEqualTo(JobExecutionStatus.CANCELED);
                    canceledCount++;
                }
            }
            long succeeded = setByDevice.values().stream().filter(s -> s == JobExecutionStatus.SUCCEEDED).count();
            // SPEC X1: the counters are exact.
            assertThat(done.jobProcessDetails().numberOfCanceledThings()).isEqualTo(canceledCount);
            assertThat(done.jobProcessDetails().numberOfSucceededThings()).isEqualTo((int) succeeded);
            assertThat(done.jobProcessDetails().numberOfFailedThings()).isEqualTo(setByDevice.size() - (int) succeeded);
            assertThat(done.jobProcessDetails().numberOfQueuedThings()).isZero();
            assertThat(done.jobProcessDetails().numberOfInProgressThings()).isZero();
            assertThat(canceledCount + setByDevice.size()).isEqualTo(EXECUTIONS);
        }
    }

    @Test
    void c4_x18_aCancelPastOneBatchLeavesUnreachedExecutionsToDueWorkAndDevicesSeeTheJobCanceled() {
        things("a", "b", "c", "d", "e");
        List<dev.iotjobs.api.event.JobEvent> seen = new CopyOnWriteArrayList<>();
        try (JobsEngine small = JobsEngine.builder().repository(counted()).clock(clock).region(REGION)
                .accountId(ACCOUNT).batchSize(2).build()) {
            small.events().subscribe(EventSinks.jobEventsInto(seen));
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(thingArn("a"), thingArn("b"), thingArn("c"), thingArn("d"), thingArn("e")))
                    .build());
            small.runDueWork();   // SPEC C4: the targets past the first batch
            small.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                    .thingName("a").build());
            counting.set(true);
            small.controlPlane().cancelJob(CancelJobRequest.builder().jobId("j1").build());

            Job canceled = describe(small, "j1");
            assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
            assertThat(canceled.isConcurrent()).isTrue();
            // SPEC X18: an execution the cancel has not reached yet refuses updates; its job is CANCELED.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> small.dataPlane().updateJobExecution(
                            UpdateJobExecutionRequest.builder().jobId("j1").thingName("b")
                                    .status(JobExecutionStatus.IN_PROGRESS).build()))
                    .isInstanceOf(InvalidStateTransitionException.class).hasMessageContaining("CANCELED");
            // ... and StartNext ends it instead of starting it.
            assertThat(small.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                    .thingName("c").build()).execution()).isNull();
            assertThat(execution("j1", "c").status()).isEqualTo(JobExecutionStatus.CANCELED);

            small.runDueWork();
            Job done = describe(small, "j1");
            assertThat(done.isConcurrent()).isFalse();
            assertThat(done.jobProcessDetails().numberOfCanceledThings()).isEqualTo(4);
            assertThat(done.jobProcessDetails().numberOfInProgressThings()).isEqualTo(1);
            // SPEC J7: without force the IN_PROGRESS one goes on; with force, a second cancel takes it along.
            small.controlPlane().cancelJob(CancelJobRequest.builder().jobId("j1").force(true).build());
            small.runDueWork();
            assertThat(execution("j1", "a").status()).isEqualTo(JobExecutionStatus.CANCELED);
            assertThat(describe(small, "j1").forceCanceled()).isTrue();
            assertThat(largestCommit.get()).isLessThanOrEqualTo(2);
            // SPEC E1: one event per change.
            assertThat(seen).filteredOn(dev.iotjobs.api.event.JobExecutionStatusChanged.class::isInstance)
                    .map(e -> ((dev.iotjobs.api.event.JobExecutionStatusChanged) e).thingName())
                    .filteredOn(t -> !t.equals("a")).containsExactlyInAnyOrder("b", "c", "d", "e");
        }
    }

    @Test
    void c4_x18_startNextPastAnUnreachedExecutionOfACanceledJobStartsTheThingsNextJob() {
        things("a", "b", "c", "d");
        try (JobsEngine small = JobsEngine.builder().repository(repository).clock(clock).region(REGION)
                .accountId(ACCOUNT).batchSize(2).build()) {
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                    .targets(List.of(thingArn("a"), thingArn("b"), thingArn("c"), thingArn("d"))).build());
            small.runDueWork();   // SPEC C4: the targets past the first batch
            clock.advance(java.time.Duration.ofSeconds(1));
            small.controlPlane().createJob(CreateJobRequest.builder().jobId("j2").document(DOC)
                    .targets(List.of(thingArn("d"))).build());
            small.controlPlane().cancelJob(CancelJobRequest.builder().jobId("j1").build());

            // d's head is j1 (queued first), which the cancel's batches have not reached: it ends, and j2 starts.
            JobExecution started = small.dataPlane().startNextPendingJobExecution(
                    StartNextPendingJobExecutionRequest.builder().thingName("d").build()).execution();
            assertThat(started).isNotNull();
            assertThat(started.jobId()).isEqualTo("j2");
            assertThat(execution("j1", "d").status()).isEqualTo(JobExecutionStatus.CANCELED);
        }
    }

    /** StartNext, then Update to {@code status}; records the status once the update committed. */
    private static void roundTrip(JobsEngine engine, String thing, JobExecutionStatus status,
                                  Map<String, JobExecutionStatus> setByDevice) {
        JobExecution started = engine.dataPlane().startNextPendingJobExecution(
                StartNextPendingJobExecutionRequest.builder().thingName(thing).build()).execution();
        if (started == null) {
            return;
        }
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId(started.jobId())
                .thingName(thing).status(status).build());
        setByDevice.put(thing, status);
    }

    private static Job describe(JobsEngine engine, String jobId) {
        return engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job();
    }

    private List<ExecutionRecord> all(String jobId) {
        List<ExecutionRecord> all = new java.util.ArrayList<>();
        JobExecutionsKey after = null;
        while (true) {
            Page<ExecutionRecord> page = repository.listExecutionsForJob(jobId, null, after, 1_000);
            all.addAll(page.items());
            if (!page.hasMore() || page.items().isEmpty()) {
                return all;
            }
            ExecutionRecord last = page.items().get(page.items().size() - 1);
            after = new JobExecutionsKey(last.thingName(), last.executionNumber());
        }
    }
}
