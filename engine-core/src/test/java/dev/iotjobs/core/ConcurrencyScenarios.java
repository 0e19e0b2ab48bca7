package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Racing callers on one engine (SPEC C1, C3, J9) on the store under test. */
public abstract class ConcurrencyScenarios extends EngineFixture {
    private static final int THREADS = 8;

    /** Runs the task on {@link #THREADS} threads released at once; returns their results. */
    private <T> List<T> race(IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int worker = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.apply(worker);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void c1_concurrentUpdatesWithTheSameExpectedVersionNeverBothSucceed() throws Exception {
        things("t1");
        job("j1", "t1");
        startNext("t1");
        List<String> outcomes = race(i -> {
            try {
                device().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1").thingName("t1")
                        .status(i % 2 == 0 ? JobExecutionStatus.SUCCEEDED : JobExecutionStatus.IN_PROGRESS)
                        .expectedVersion(2L).build());
                return "ok";
            } catch (VersionConflictException | InvalidStateTransitionException e) {
                return e.errorCode();
            }
        });
        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(3L);
    }

    @Test
    void c3_concurrentUpdatesWithoutExpectedVersionAllApplyOneAfterTheOther() throws Exception {
        things("t1");
        job("j1", "t1");
        startNext("t1");
        race(i -> {
            device().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1").thingName("t1")
                    .status(JobExecutionStatus.IN_PROGRESS).statusDetails(java.util.Map.of("worker", "w" + i))
                    .build());
            return null;
        });
        assertThat(execution("j1", "t1").versionNumber()).isEqualTo(2L + THREADS);
    }

    @Test
    void c1_concurrentStartNextStartsOneExecutionAndAllSeeIt() throws Exception {
        things("t1");
        job("a", "t1");
        job("b", "t1");
        job("c", "t1");
        List<JobExecution> started = race(i -> startNext("t1"));
        assertThat(started).extracting(JobExecution::jobId).containsOnly(started.get(0).jobId());
        assertThat(started).extracting(JobExecution::versionNumber).containsOnly(2L);
        long inProgress = List.of("a", "b", "c").stream()
                .filter(j -> execution(j, "t1").status() == JobExecutionStatus.IN_PROGRESS).count();
        assertThat(inProgress).isEqualTo(1);
    }

    @Test
    void j9_racingDevicesCompleteEachJobExactlyOnceWithExactCounters() throws Exception {
        int fleet = 200;
        String[] names = new String[fleet];
        for (int i = 0; i < fleet; i++) {
            names[i] = "dev-" + i;
        }
        things(names);
        group("fleet", null, names);
        for (String jobId : List.of("alpha", "beta")) {
            control().createJob(CreateJobRequest.builder().jobId(jobId).document(DOC).targets(groupArn("fleet"))
                    .build());
        }
        Set<String> finished = ConcurrentHashMap.newKeySet();
        AtomicInteger unexpected = new AtomicInteger();
        // Two threads drive every thing: each pair races on the same queue.
        race(worker -> {
            for (int i = worker / 2; i < fleet; i += THREADS / 2) {
                String thing = names[i];
                while (true) {
                    JobExecution next = startNext(thing);
                    if (next == null) {
                        break;
                    }
                    try {
                        device().updateJobExecution(UpdateJobExecutionRequest.builder().jobId(next.jobId())
                                .thingName(thing).status(JobExecutionStatus.SUCCEEDED)
                                .expectedVersion(next.versionNumber()).build());
                        finished.add(next.jobId() + "/" + thing);
                    } catch (VersionConflictException | InvalidStateTransitionException e) {
                        // The other thread of the pair finished it first.
                    } catch (JobsException e) {
                        unexpected.incrementAndGet();
                    }
                }
            }
            return null;
        });
        assertThat(unexpected).hasValue(0);
        assertThat(finished).hasSize(2 * fleet);
        for (String jobId : List.of("alpha", "beta")) {
            assertThat(describe(jobId).status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(counters(jobId).numberOfSucceededThings()).isEqualTo(fleet);
            assertThat(counters(jobId).numberOfInProgressThings()).isZero();
            assertThat(eventsOf(JobStatusChanged.class))
                    .filteredOn(e -> e.jobId().equals(jobId) && e.to() == JobStatus.COMPLETED).hasSize(1);
        }
    }

    @Test
    void g2_c3_devicesJoiningOneGroupAtOnceAllJoinAndAContinuousJobCreatedMeanwhileReachesEachOnce()
            throws Exception {
        int perWorker = 40;
        String[] names = new String[THREADS * perWorker];
        for (int i = 0; i < names.length; i++) {
            names[i] = "joiner-" + i;
        }
        things(names);
        group("fleet", null);
        AtomicInteger failed = new AtomicInteger();
        race(worker -> {
            for (int i = 0; i < perWorker; i++) {
                if (worker == 0 && i == perWorker / 2) {
                    control().createJob(CreateJobRequest.builder().jobId("follow").document(DOC)
                            .targets(groupArn("fleet"))
                            .targetSelection(dev.iotjobs.api.model.TargetSelection.CONTINUOUS).build());
                }
                try {
                    registry().addThingToThingGroup(dev.iotjobs.api.control.AddThingToThingGroupRequest.builder()
                            .thingGroupName("fleet").thingName(names[worker * perWorker + i]).build());
                } catch (JobsException e) {
                    failed.incrementAndGet();
                }
            }
            return null;
        });
        // Joins of one group never make each other stale, so none ran out of attempts (C3) ...
        assertThat(failed).hasValue(0);
        // ... and each member has exactly one execution of the job, from the expansion or from its join (G2).
        assertThat(counters("follow").numberOfQueuedThings()).isEqualTo(names.length);
        for (String thing : names) {
            assertThat(execution("follow", thing).status()).isEqualTo(JobExecutionStatus.QUEUED);
        }
        assertThat(eventsOf(dev.iotjobs.api.event.JobExecutionCreated.class)).hasSize(names.length);
    }
}
