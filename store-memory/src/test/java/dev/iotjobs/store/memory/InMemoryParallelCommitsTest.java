package dev.iotjobs.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.rules.Counters;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.StatusCounts;
import dev.iotjobs.spi.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Device commits that run beside each other on the in-memory store: 4 device threads on disjoint slices of one
 * fleet, so on the same jobs and on different jobs at once, a force cancel of one job in the middle, and a reader
 * of the outbox polling all along. Checks SPEC X1 (counters equal the executions' statuses), J8/J9 (each drained
 * job completes exactly once, after the last of its executions ended), E1/E2 (the outbox is read gap-free in
 * sequence order, per execution in version order) and E3 (each job's events fold to its counters).
 */
class InMemoryParallelCommitsTest {
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final int THINGS = 2000;
    private static final int DEVICE_THREADS = 4;

    private final InMemoryJobRepository repository = new InMemoryJobRepository();
    private JobsEngine engine;

    @RepeatedTest(3)
    void devicesOnOneJobAndOnSeveralJobsCommitInParallelWithACancelAmongThem() throws Exception {
        // The reader below is the only consumer of the outbox: the engine's relay never gets the lease, so it
        // neither delivers nor drops events.
        assertThat(repository.acquireEventRelay("test-reader", Instant.EPOCH, Instant.MAX)).isTrue();
        engine = JobsEngine.builder().repository(repository).region(REGION).accountId(ACCOUNT).build();
        List<String> things = fleet();
        // startNext takes the oldest job first: "canceled" is the one the devices work on when it is canceled.
        for (String jobId : List.of("canceled", "alpha", "beta")) {
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document("{\"op\":\"x\"}")
                    .targets("arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thinggroup/fleet").build());
        }
        engine.runDueWork();   // SPEC C4: the rest of each 2,000-thing group, past CreateJob's first batch
        long createdThrough = lastSequence();

        AtomicInteger roundTrips = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicBoolean devicesDone = new AtomicBoolean();
        AtomicReference<String> readerProblem = new AtomicReference<>();
        List<StoredEvent> read = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(DEVICE_THREADS + 2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> devices = new ArrayList<>();
            for (int w = 0; w < DEVICE_THREADS; w++) {
                int worker = w;
                devices.add(pool.submit(() -> {
                    start.await();
                    for (int i = worker; i < THINGS; i += DEVICE_THREADS) {
                        drive(things.get(i), i, roundTrips, unexpected);
                    }
                    return null;
                }));
            }
            Future<?> cancel = pool.submit(() -> {
                start.await();
                while (roundTrips.get() < THINGS / 3) {
                    LockSupport.parkNanos(100_000);
                }
                engine.controlPlane().cancelJob(CancelJobRequest.builder().jobId("canceled").force(true).build());
                return null;
            });
            Future<?> reader = pool.submit(() -> {
                start.await();
                long cursor = 0;
                while (true) {
                    boolean last = devicesDone.get();
                    List<StoredEvent> page = repository.eventsAfter(cursor, 50);
                    for (StoredEvent event : page) {
                        if (event.sequence() != cursor + 1) {
                            readerProblem.compareAndSet(null, "read " + event.sequence() + " after " + cursor);
                        }
                        cursor = event.sequence();
                        read.add(event);
                    }
                    if (page.isEmpty()) {
                        if (last) {
                            return null;
                        }
                        Thread.yield();
                    }
                }
            });
            start.countDown();
            for (Future<?> device : devices) {
                device.get(120, TimeUnit.SECONDS);
            }
            cancel.get(120, TimeUnit.SECONDS);
            devicesDone.set(true);
            reader.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).hasValue(0);
        assertThat(readerProblem.get()).as("E2: the outbox is read without a gap").isNull();
        assertThat(read).extracting(StoredEvent::sequence).startsWith(1L).hasSize((int) lastSequence());
        assertThat(read.get((int) createdThrough).sequence()).isEqualTo(createdThrough + 1);
        List<EngineEvent> events = read.stream().map(StoredEvent::event).toList();

        assertThat(status("alpha")).isEqualTo(JobStatus.COMPLETED);
        assertThat(status("beta")).isEqualTo(JobStatus.COMPLETED);
        assertThat(status("canceled")).isEqualTo(JobStatus.CANCELED);
        for (String jobId : List.of("alpha", "beta", "canceled")) {
            StatusCounts counts = repository.findJob(jobId).orElseThrow().counts();
            assertThat(counts).as("X1 on " + jobId).isEqualTo(countedStatuses(jobId));
            assertThat(counts.pending()).isZero();
            List<JobEvent> ofJob = events.stream().filter(JobEvent.class::isInstance).map(JobEvent.class::cast)
                    .filter(e -> e.jobId().equals(jobId)).toList();
            assertThat(Counters.fold(ofJob)).as("E3 on " + jobId).isEqualTo(counts);
            List<Integer> completions = indexesOf(ofJob, e -> e instanceof JobStatusChanged changed
                    && changed.to() == JobStatus.COMPLETED);
            assertThat(completions).as("J9 on " + jobId).hasSize(jobId.equals("canceled") ? 0 : 1);
            if (!completions.isEmpty()) {
                List<Integer> executionChanges = indexesOf(ofJob, e -> e instanceof JobExecutionStatusChanged);
                assertThat(executionChanges).as("J8: " + jobId + " completes after its last execution ended")
                        .allMatch(i -> i < completions.get(0));
            }
        }
        Map<String, Long> versions = new HashMap<>();
        for (EngineEvent event : events) {
            if (event instanceof JobExecutionStatusChanged changed) {
                String key = changed.jobId() + "/" + changed.thingName() + "/" + changed.executionNumber();
                Long before = versions.put(key, changed.versionNumber());
                assertThat(before == null || before < changed.versionNumber())
                        .as("E2: versions of " + key + " in order").isTrue();
            }
        }
        assertThat(roundTrips.get()).isGreaterThanOrEqualTo(2 * THINGS);
    }

    /** One device: runs its thing's queue dry; every 7th thing fails its executions instead of succeeding. */
    private void drive(String thing, int index, AtomicInteger roundTrips, AtomicInteger unexpected) {
        while (true) {
            JobExecution next = engine.dataPlane().startNextPendingJobExecution(
                    StartNextPendingJobExecutionRequest.builder().thingName(thing).build()).execution();
            if (next == null) {
                return;
            }
            try {
                engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId(next.jobId())
                        .thingName(thing).expectedVersion(next.versionNumber())
                        .status(index % 7 == 0 ? JobExecutionStatus.FAILED : JobExecutionStatus.SUCCEEDED).build());
                roundTrips.incrementAndGet();
            } catch (InvalidStateTransitionException | VersionConflictException | ResourceNotFoundException e) {
                // The cancel came first: the execution is CANCELED, the queue moves on.
                if (!next.jobId().equals("canceled")) {
                    unexpected.incrementAndGet();
                }
            }
        }
    }

    private List<String> fleet() {
        engine.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < THINGS; i++) {
            String name = "device-" + i;
            names.add(name);
            engine.things().createThing(CreateThingRequest.builder().thingName(name).build());
            engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("fleet")
                    .thingName(name).build());
        }
        return names;
    }

    private JobStatus status(String jobId) {
        return repository.findJob(jobId).orElseThrow().job().status();
    }

    private StatusCounts countedStatuses(String jobId) {
        Map<JobExecutionStatus, Integer> counted = new EnumMap<>(JobExecutionStatus.class);
        JobExecutionsKey after = null;
        while (true) {
            Page<ExecutionRecord> page = repository.listExecutionsForJob(jobId, null, after, 100);
            for (ExecutionRecord execution : page.items()) {
                counted.merge(execution.status(), 1, Integer::sum);
                after = new JobExecutionsKey(execution.thingName(), execution.executionNumber());
            }
            if (!page.hasMore()) {
                break;
            }
        }
        StatusCounts counts = StatusCounts.ZERO;
        for (Map.Entry<JobExecutionStatus, Integer> entry : counted.entrySet()) {
            counts = counts.plus(entry.getKey(), entry.getValue());
        }
        return counts;
    }

    private long lastSequence() {
        long last = 0;
        List<StoredEvent> page;
        while (!(page = repository.eventsAfter(last, 500)).isEmpty()) {
            last = page.get(page.size() - 1).sequence();
        }
        return last;
    }

    private static <T> List<Integer> indexesOf(List<T> items, java.util.function.Predicate<T> which) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (which.test(items.get(i))) {
                found.add(i);
            }
        }
        return found;
    }
}
