package dev.iotjobs.spi;

import static dev.iotjobs.api.model.JobExecutionStatus.CANCELED;
import static dev.iotjobs.api.model.JobExecutionStatus.FAILED;
import static dev.iotjobs.api.model.JobExecutionStatus.IN_PROGRESS;
import static dev.iotjobs.api.model.JobExecutionStatus.REJECTED;
import static dev.iotjobs.api.model.JobExecutionStatus.QUEUED;
import static dev.iotjobs.api.model.JobExecutionStatus.SUCCEEDED;
import static dev.iotjobs.spi.RepositoryFixtures.T0;
import static dev.iotjobs.spi.RepositoryFixtures.at;
import static dev.iotjobs.spi.RepositoryFixtures.completion;
import static dev.iotjobs.spi.RepositoryFixtures.counts;
import static dev.iotjobs.spi.RepositoryFixtures.created;
import static dev.iotjobs.spi.RepositoryFixtures.execution;
import static dev.iotjobs.spi.RepositoryFixtures.group;
import static dev.iotjobs.spi.RepositoryFixtures.groupArn;
import static dev.iotjobs.spi.RepositoryFixtures.job;
import static dev.iotjobs.spi.RepositoryFixtures.jobBuilder;
import static dev.iotjobs.spi.RepositoryFixtures.move;
import static dev.iotjobs.spi.RepositoryFixtures.next;
import static dev.iotjobs.spi.RepositoryFixtures.record;
import static dev.iotjobs.spi.RepositoryFixtures.statusChanged;
import static dev.iotjobs.spi.RepositoryFixtures.thing;
import static dev.iotjobs.spi.RepositoryFixtures.withCounts;
import static dev.iotjobs.spi.RepositoryFixtures.withDueAt;
import static dev.iotjobs.spi.RepositoryFixtures.withRevision;
import static dev.iotjobs.spi.RepositoryFixtures.rollout;
import static dev.iotjobs.spi.RepositoryFixtures.withRollout;
import static dev.iotjobs.spi.RepositoryFixtures.withTimers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.event.JobDeleted;
import dev.iotjobs.api.model.AbortAction;
import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.AbortCriteria;
import dev.iotjobs.api.model.ExponentialRolloutRate;
import dev.iotjobs.api.model.JobExecutionFailureType;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.RateIncreaseCriteria;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link JobRepository}, as observable through the SPI. Every store's test extends this class and
 * supplies a fresh, empty store per test; a store is done when it passes it.
 */
public abstract class JobRepositoryContract {
    private static final int THREADS = 8;

    /** The store under test, fresh for each test. */
    protected JobRepository repository;
    private ExecutorService pool;

    /** @return a fresh, empty store of the kind under test */
    protected abstract JobRepository newRepository();

    /** @return how many rounds the compare-and-set race runs; a slow store may run fewer */
    protected int raceRounds() {
        return 100;
    }

    /** @return how many commits each thread makes in the counter race; a slow store may make fewer */
    protected int commitsPerThread() {
        return 1000;
    }

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- jobs

    @Test
    void insertedJobIsFoundAsGiven() {
        JobRecord job = withCounts(job("j1"), counts(QUEUED, 3));

        commit(c -> c.insertJob(job));

        assertThat(repository.findJob("j1")).contains(job);
        assertThat(repository.findJob("j2")).isEmpty();
    }

    @Test
    void jobInsertOfAnExistingIdIsStale() {
        commit(c -> c.insertJob(job("j1")));

        assertStale(c -> c.insertJob(job("j1", at(5))));
        assertThat(repository.findJob("j1").orElseThrow().job().createdAt()).isEqualTo(at(0));
    }

    @Test
    void jobUpdateWithTheNextRevisionApplies() {
        JobRecord job = insertJob(job("j1"));
        JobRecord updated = withDueAt(next(job, j -> j.description("new").lastUpdatedAt(at(10))), at(60));

        commit(c -> c.updateJob(updated));

        JobRecord found = repository.findJob("j1").orElseThrow();
        assertThat(found.revision()).isEqualTo(2);
        assertThat(found.job().description()).isEqualTo("new");
        assertThat(found.job().lastUpdatedAt()).isEqualTo(at(10));
        assertThat(found.dueAt()).isEqualTo(at(60));
    }

    @Test
    void staleJobUpdateAppliesNothingOfItsChangeset() {
        JobRecord job = insertJob(job("j1"));
        commit(c -> c.updateJob(next(job, j -> j.description("second"))));
        long lastSequence = lastSequence();

        // Written from the first revision: the store is at 2, the update expects 1.
        assertStale(c -> c.insertThing(thing("t9"))
                .insertJob(job("j2"))
                .addCounts("j1", counts(SUCCEEDED, 1))
                .updateJob(next(job, j -> j.description("lost")))
                .event(created("j2")));

        JobRecord found = repository.findJob("j1").orElseThrow();
        assertThat(found.revision()).isEqualTo(2);
        assertThat(found.job().description()).isEqualTo("second");
        assertThat(found.counts()).isEqualTo(StatusCounts.ZERO);
        assertThat(repository.findJob("j2")).isEmpty();
        assertThat(repository.findThing("t9")).isEmpty();
        assertThat(repository.eventsAfter(lastSequence, 10)).isEmpty();
    }

    @Test
    void jobUpdateSkippingARevisionIsStale() {
        JobRecord job = insertJob(job("j1"));

        assertStale(c -> c.updateJob(withRevision(job, 3)));
        assertStale(c -> c.updateJob(job("absent").next(jobBuilder("absent", at(0)).build(), null)));
        assertThat(repository.findJob("j1")).contains(job);
    }

    @Test
    void aStaleLastPartUndoesTheEarlierParts() {
        JobRecord job = insertJob(withCounts(job("j1"), counts(QUEUED, 1)));
        ExecutionRecord queued = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));
        long lastSequence = lastSequence();

        ExecutionRecord done = next(queued, SUCCEEDED);
        assertStale(c -> c.updateExecution(done)
                .addCounts("j1", move(QUEUED, SUCCEEDED))
                .complete(completion("j1", at(9)))
                .deleteJob("j1", job.revision() + 1)
                .event(statusChanged(queued, done)));

        assertThat(repository.findExecution("j1", "t1", 1L)).contains(queued);
        assertThat(repository.findJob("j1")).contains(withCounts(job, counts(QUEUED, 1)));
        assertThat(repository.eventsAfter(lastSequence, 10)).isEmpty();
    }

    /**
     * SPEC C2, X1, E1: a device's commit (its job's check, the execution's compare-and-set, a counter delta, events)
     * that lost the race for the execution's version applies nothing: no count, no event. (On PostgreSQL such a commit
     * is one statement whose slot update is written before the execution's check.)
     */
    @Test
    void c2_x1_aDevicesCommitThatMissedTheExecutionsVersionAppliesNothing() {
        JobRecord job = insertJob(withCounts(job("j1"), counts(QUEUED, 1)));
        ExecutionRecord queued = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));
        ExecutionRecord started = next(queued, IN_PROGRESS);
        commit(c -> c.expectJob(job).updateExecution(started).addCounts("j1", move(QUEUED, IN_PROGRESS))
                .event(statusChanged(queued, started)));
        long lastSequence = lastSequence();

        ExecutionRecord rejected = next(queued, REJECTED);   // decided from the QUEUED version
        assertStale(c -> c.expectJob(job).updateExecution(rejected).addCounts("j1", move(QUEUED, REJECTED))
                .event(statusChanged(queued, rejected)));

        assertThat(repository.findExecution("j1", "t1", 1L)).contains(started);
        assertThat(repository.findJob("j1").orElseThrow().counts()).isEqualTo(counts(IN_PROGRESS, 1));
        assertThat(repository.eventsAfter(lastSequence, 10)).isEmpty();
    }

    /** SPEC C1, X1: a device's commit against a job that moved on (a cancel, an update) applies nothing. */
    @Test
    void c1_x1_aDevicesCommitAgainstAnotherRevisionOfItsJobAppliesNothing() {
        JobRecord job = insertJob(withCounts(job("j1"), counts(QUEUED, 1)));
        ExecutionRecord queued = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));
        commit(c -> c.updateJob(next(job, b -> b.description("changed"))));
        long lastSequence = lastSequence();

        ExecutionRecord started = next(queued, IN_PROGRESS);
        assertStale(c -> c.expectJob(job).updateExecution(started).addCounts("j1", move(QUEUED, IN_PROGRESS))
                .event(statusChanged(queued, started)));

        assertThat(repository.findExecution("j1", "t1", 1L)).contains(queued);
        assertThat(repository.findJob("j1").orElseThrow().counts()).isEqualTo(counts(QUEUED, 1));
        assertThat(repository.eventsAfter(lastSequence, 10)).isEmpty();
    }

    /** SPEC E1, E2: a device's commit with several events stores them numbered in the changeset's order. */
    @Test
    void e1_e2_aDevicesCommitStoresItsEventsInOrder() {
        JobRecord job = insertJob(withCounts(job("j1"), counts(QUEUED, 1)));
        ExecutionRecord queued = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));
        ExecutionRecord started = next(queued, IN_PROGRESS);
        ExecutionRecord progressed = next(started, IN_PROGRESS);
        commit(c -> c.expectJob(job).updateExecution(started).addCounts("j1", move(QUEUED, IN_PROGRESS)));
        long lastSequence = lastSequence();

        CommitResult result = commit(c -> c.expectJob(job).updateExecution(progressed)
                .event(statusChanged(started, progressed)).event(new JobDeleted("j1", T0))
                .event(statusChanged(queued, started)));

        List<StoredEvent> stored = repository.eventsAfter(lastSequence, 10);
        assertThat(stored).isEqualTo(result.events());
        assertThat(stored).extracting(StoredEvent::event).containsExactly(statusChanged(started, progressed),
                new JobDeleted("j1", T0), statusChanged(queued, started));
        assertThat(stored.get(0).sequence()).isLessThan(stored.get(1).sequence());
        assertThat(stored.get(1).sequence()).isLessThan(stored.get(2).sequence());
        assertThat(repository.findExecution("j1", "t1", 1L)).contains(progressed);
    }

    @Test
    void jobUpdateKeepsTheStoredCounts() {
        JobRecord job = insertJob(withCounts(job("j1"), counts(QUEUED, 2)));
        commit(c -> c.addCounts("j1", move(QUEUED, IN_PROGRESS)));

        // The update carries the counts as read before the delta; the store keeps its own.
        commit(c -> c.updateJob(withCounts(next(job, j -> j.description("d")), StatusCounts.ZERO)));

        JobRecord found = repository.findJob("j1").orElseThrow();
        assertThat(found.counts()).isEqualTo(counts(QUEUED, 1).plus(IN_PROGRESS, 1));
        assertThat(found.job().description()).isEqualTo("d");
        assertThat(found.revision()).isEqualTo(2);
    }

    @Test
    void aJobDeletedAndCreatedAgainUnderItsIdAtTheSameRevisionIsReadAsTheNewOne() {
        JobRecord first = insertJob(job("j1"));
        assertThat(repository.findJob("j1")).contains(first);   // read once: a store may keep what it read
        commit(c -> c.deleteJob("j1", first.revision()));

        JobRecord again = new JobRecord(jobBuilder("j1", T0).description("the second").build(), "{\"v\":2}", null,
                List.of(), StatusCounts.ZERO, first.revision(), null);
        commit(c -> c.insertJob(again));

        JobRecord read = repository.findJob("j1").orElseThrow();
        assertThat(read.document()).isEqualTo("{\"v\":2}");
        assertThat(read.job().description()).isEqualTo("the second");
    }

    @Test
    void x1_aJobsCountsAreReadFreshWhileItsRevisionStays() {
        JobRecord job = insertJob(job("j1"));
        repository.findJob("j1");
        commit(c -> c.addCounts("j1", counts(QUEUED, 3)));
        assertThat(repository.findJob("j1").orElseThrow().counts()).isEqualTo(counts(QUEUED, 3));
        commit(c -> c.updateJob(next(job, b -> b.description("changed"))));
        assertThat(repository.findJob("j1").orElseThrow().job().description()).isEqualTo("changed");
        assertThat(repository.findJob("j1").orElseThrow().counts()).isEqualTo(counts(QUEUED, 3));
    }

    @Test
    void jobDeleteIsACompareAndSet() {
        JobRecord job = insertJob(withDueAt(job("j1"), at(5)));

        assertStale(c -> c.deleteJob("j1", job.revision() + 1));
        assertStale(c -> c.deleteJob("absent", 1));
        assertThat(repository.findJob("j1")).isPresent();

        commit(c -> c.deleteJob("j1", job.revision()));

        assertThat(repository.findJob("j1")).isEmpty();
        assertThat(repository.listJobs(JobFilter.ALL, null, 10).items()).isEmpty();
        assertThat(repository.jobsDueBy(at(100), 10)).isEmpty();
    }

    @Test
    void jobDeleteExpectsNoExecutionLeft() {
        JobRecord job = insertJob(withCounts(job("j1"), counts(QUEUED, 2)));
        ExecutionRecord first = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));
        ExecutionRecord second = insertExecution(execution("j1", "t2", 1, QUEUED, at(0)));

        assertStale(c -> c.deleteExecution(first).deleteJob("j1", job.revision()));
        assertThat(repository.findExecution("j1", "t1", 1L)).isPresent();

        commit(c -> c.deleteExecution(first).deleteExecution(second)
                .addCounts("j1", counts(QUEUED, -2)).deleteJob("j1", job.revision()));

        assertThat(repository.findJob("j1")).isEmpty();
        assertThat(repository.findExecution("j1", "t2", null)).isEmpty();
    }

    // ---------------------------------------------------------------- executions

    @Test
    void insertedExecutionIsFoundByItsKey() {
        insertJob(job("j1"));
        ExecutionRecord execution = withTimers(execution("j1", "t1", 1, IN_PROGRESS, at(3)), at(9), null);

        commit(c -> c.insertExecution(execution));

        assertThat(repository.findExecution("j1", "t1", 1L)).contains(execution);
        assertThat(repository.findExecution("j1", "t1", 2L)).isEmpty();
        assertThat(repository.findExecution("j1", "t2", 1L)).isEmpty();
        assertThat(repository.findExecution("j2", "t1", 1L)).isEmpty();
    }

    @Test
    void executionInsertOfAnExistingKeyIsStale() {
        insertJob(job("j1"));
        ExecutionRecord execution = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));

        assertStale(c -> c.insertExecution(execution("j1", "t1", 1, IN_PROGRESS, at(7))));
        assertThat(repository.findExecution("j1", "t1", 1L)).contains(execution);
    }

    @Test
    void executionInsertForAMissingJobIsStale() {
        assertStale(c -> c.insertExecution(execution("j1", "t1", 1, QUEUED, at(0))));

        // ... but a job inserted by the same changeset is there.
        commit(c -> c.insertJob(job("j1")).insertExecution(execution("j1", "t1", 1, QUEUED, at(0))));
        assertThat(repository.findExecution("j1", "t1", 1L)).isPresent();
    }

    @Test
    void executionUpdateExpectsThePreviousVersion() {
        insertJob(job("j1"));
        ExecutionRecord v1 = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));
        ExecutionRecord v2 = next(v1, IN_PROGRESS, Map.of("step", "download"));

        commit(c -> c.updateExecution(v2));
        assertThat(repository.findExecution("j1", "t1", 1L)).contains(v2);

        // Another writer that read version 1, one that skips a version, one on a missing row.
        assertStale(c -> c.updateExecution(next(v1, FAILED)));
        assertStale(c -> c.updateExecution(next(next(v2, IN_PROGRESS), SUCCEEDED)));
        assertStale(c -> c.updateExecution(next(execution("j1", "t2", 1, QUEUED, at(0)), IN_PROGRESS)));
        assertThat(repository.findExecution("j1", "t1", 1L)).contains(v2);

        ExecutionRecord v3 = next(v2, SUCCEEDED);
        commit(c -> c.updateExecution(v3));
        assertThat(repository.findExecution("j1", "t1", 1L).orElseThrow().versionNumber()).isEqualTo(3);
    }

    @Test
    void executionDeleteExpectsItsVersion() {
        insertJob(job("j1"));
        ExecutionRecord v1 = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));
        ExecutionRecord v2 = next(v1, IN_PROGRESS);
        commit(c -> c.updateExecution(v2));

        assertStale(c -> c.deleteExecution(v1));
        assertThat(repository.findExecution("j1", "t1", 1L)).contains(v2);

        commit(c -> c.deleteExecution(v2));
        assertThat(repository.findExecution("j1", "t1", 1L)).isEmpty();
        assertStale(c -> c.deleteExecution(v2));
    }

    @Test
    void latestExecutionIsTheHighestNumber() {
        insertJob(job("j1"));
        insertJob(job("j2"));
        ExecutionRecord first = insertExecution(execution("j1", "t1", 1, FAILED, at(0)));
        ExecutionRecord second = insertExecution(execution("j1", "t1", 2, FAILED, at(5)));
        ExecutionRecord third = insertExecution(execution("j1", "t1", 3, QUEUED, at(9)));
        insertExecution(execution("j1", "t10", 7, QUEUED, at(0)));
        insertExecution(execution("j1", "t0", 8, QUEUED, at(0)));
        insertExecution(execution("j2", "t1", 9, QUEUED, at(0)));

        assertThat(repository.findExecution("j1", "t1", null)).contains(third);
        assertThat(repository.findExecution("j1", "t", null)).isEmpty();
        assertThat(repository.findExecution("j1", "t2", null)).isEmpty();
        assertThat(repository.findExecution("j3", "t1", null)).isEmpty();
        assertThat(repository.findExecution("j1", "t1", 2L)).contains(second);

        commit(c -> c.deleteExecution(third));
        assertThat(repository.findExecution("j1", "t1", null)).contains(second);
        commit(c -> c.deleteExecution(second).deleteExecution(first));
        assertThat(repository.findExecution("j1", "t1", null)).isEmpty();
    }

    // ---------------------------------------------------------------- counters

    @Test
    void counterDeltasAddUp() {
        insertJob(withCounts(job("j1"), counts(QUEUED, 5)));

        commit(c -> c.addCounts("j1", move(QUEUED, IN_PROGRESS)));
        commit(c -> c.addCounts("j1", move(QUEUED, IN_PROGRESS)));
        commit(c -> c.addCounts("j1", move(IN_PROGRESS, SUCCEEDED)).addCounts("j1", move(QUEUED, CANCELED)));

        assertThat(repository.findJob("j1").orElseThrow().counts())
                .isEqualTo(new StatusCounts(2, 1, 1, 0, 0, 0, 0, 1));
        assertThat(repository.findJob("j1").orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void counterDeltaNeedsItsJob() {
        assertStale(c -> c.addCounts("j1", counts(QUEUED, 1)));

        commit(c -> c.insertJob(withCounts(job("j1"), counts(QUEUED, 1))).addCounts("j1", counts(QUEUED, 2)));
        assertThat(repository.findJob("j1").orElseThrow().counts()).isEqualTo(counts(QUEUED, 3));
    }

    // ---------------------------------------------------------------- completion

    @Test
    void completionFiresWhenTheLastPendingExecutionEnds() {
        JobRecord job = insertJob(withCounts(job("j1"), counts(QUEUED, 1).plus(FAILED, 1)));
        ExecutionRecord queued = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));
        ExecutionRecord done = next(queued, SUCCEEDED);
        JobCompletion completion = completion("j1", at(30));

        CommitResult result = commit(c -> c.updateExecution(done)
                .addCounts("j1", move(QUEUED, SUCCEEDED))
                .complete(completion)
                .event(statusChanged(queued, done)));

        assertThat(result.completedJobs()).containsExactly("j1");
        assertThat(result.events()).extracting(StoredEvent::event)
                .containsExactly(statusChanged(queued, done), completion.event());
        JobRecord found = repository.findJob("j1").orElseThrow();
        assertThat(found.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(found.job().completedAt()).isEqualTo(at(30));
        assertThat(found.job().lastUpdatedAt()).isEqualTo(at(30));
        assertThat(found.revision()).isEqualTo(job.revision() + 1);
        assertThat(found.counts()).isEqualTo(counts(SUCCEEDED, 1).plus(FAILED, 1));
    }

    @Test
    void completionFiresOnlyOnce() {
        insertJob(job("j1"));
        CommitResult first = commit(c -> c.complete(completion("j1", at(10))));
        assertThat(first.completedJobs()).containsExactly("j1");
        long lastSequence = lastSequence();

        CommitResult second = commit(c -> c.complete(completion("j1", at(20))));

        assertThat(second.completedJobs()).isEmpty();
        assertThat(second.events()).isEmpty();
        assertThat(repository.eventsAfter(lastSequence, 10)).isEmpty();
        JobRecord found = repository.findJob("j1").orElseThrow();
        assertThat(found.revision()).isEqualTo(2);
        assertThat(found.job().completedAt()).isEqualTo(at(10));
    }

    @Test
    void completionWaitsWhileAnythingIsPending() {
        insertJob(withCounts(job("j1"), counts(QUEUED, 1).plus(IN_PROGRESS, 1)));
        ExecutionRecord queued = insertExecution(execution("j1", "t1", 1, QUEUED, at(0)));
        insertExecution(execution("j1", "t2", 1, IN_PROGRESS, at(0)));

        CommitResult result = commit(c -> c.updateExecution(next(queued, SUCCEEDED))
                .addCounts("j1", move(QUEUED, SUCCEEDED))
                .complete(completion("j1", at(30))));

        assertThat(result.completedJobs()).isEmpty();
        assertThat(result.events()).isEmpty();
        JobRecord found = repository.findJob("j1").orElseThrow();
        assertThat(found.job().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(found.job().completedAt()).isNull();
        assertThat(found.revision()).isEqualTo(1);
    }

    @Test
    void completionLeavesContinuousAndNotRunningJobsAlone() {
        insertJob(record(jobBuilder("continuous", at(0)).targetSelection(TargetSelection.CONTINUOUS).build()));
        insertJob(record(jobBuilder("canceled", at(0)).status(JobStatus.CANCELED).build()));
        insertJob(record(jobBuilder("scheduled", at(0)).status(JobStatus.SCHEDULED).build()));

        CommitResult result = commit(c -> c.complete(completion("continuous", at(5)))
                .complete(completion("canceled", at(5)))
                .complete(completion("scheduled", at(5)))
                .complete(completion("absent", at(5))));

        assertThat(result.completedJobs()).isEmpty();
        assertThat(result.events()).isEmpty();
        assertThat(repository.findJob("continuous").orElseThrow().job().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(repository.findJob("canceled").orElseThrow().job().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(repository.findJob("scheduled").orElseThrow().job().status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(repository.findJob("absent")).isEmpty();
    }

    @Test
    void c4_aJobKeepsItsOwedExpansionThroughRevisionsAndDoesNotCompleteWhileItOwesOne() {
        TargetExpansion owed = new TargetExpansion(List.of(0, 2), "t1000");
        JobRecord job = insertJob(job("j1").withExpansion(owed));
        assertThat(repository.findJob("j1")).contains(job);

        CommitResult blocked = commit(c -> c.complete(completion("j1", at(10))));
        assertThat(blocked.completedJobs()).isEmpty();
        assertThat(repository.findJob("j1").orElseThrow().job().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(repository.drainedJobs(10)).extracting(JobRecord::jobId).doesNotContain("j1");

        JobRecord later = repository.findJob("j1").orElseThrow();
        TargetExpansion further = owed.after("t2000");
        commit(c -> c.updateJob(later.next(later.job(), at(20)).withExpansion(further)));
        assertThat(repository.findJob("j1").orElseThrow().expansion()).isEqualTo(further);

        JobRecord last = repository.findJob("j1").orElseThrow();
        CommitResult done = commit(c -> c.updateJob(last.next(last.job(), null).withExpansion(null))
                .complete(completion("j1", at(30))));
        assertThat(done.completedJobs()).containsExactly("j1");
        assertThat(repository.findJob("j1").orElseThrow().expansion()).isNull();
    }

    // ---------------------------------------------------------------- rollout (SPEC T7)

    @Test
    void jobKeepsItsRolloutStateThroughRevisions() {
        JobRecord job = insertJob(withRollout(job("j1"), rollout(3)));
        assertThat(repository.findJob("j1")).contains(job);

        Map<String, Integer> byTarget = new LinkedHashMap<>();
        byTarget.put(groupArn("g2"), 1);   // target order, not name order
        byTarget.put(groupArn("g1"), 0);
        RolloutState later = new RolloutState(1, byTarget, 4, 6.25, 4, 1, at(60), 4, 2, at(61));
        JobRecord next = job.next(job.job(), at(121), later);
        commit(c -> c.updateJob(next));

        JobRecord found = repository.findJob("j1").orElseThrow();
        assertThat(found.rollout()).isEqualTo(later);
        assertThat(List.copyOf(found.rollout().remainingByTarget().keySet()))
                .containsExactly(groupArn("g2"), groupArn("g1"));
        assertThat(found.heldBack()).isEqualTo(1);

        commit(c -> c.updateJob(found.next(found.job(), null, null)));
        assertThat(repository.findJob("j1").orElseThrow().rollout()).isNull();
    }

    @Test
    void rolloutTargetsAreListedInThingNameOrderAndReleasedOnce() {
        insertJob(withRollout(job("j1"), rollout(3)));
        insertJob(job("j2"));
        RolloutTarget t1 = new RolloutTarget("j1", "t1", List.of(0));
        RolloutTarget t2 = new RolloutTarget("j1", "t2", List.of(0, 2));
        RolloutTarget t10 = new RolloutTarget("j1", "t10", List.of(1));
        commit(c -> c.holdBack(t2).holdBack(t10).holdBack(t1).holdBack(new RolloutTarget("j2", "t0", List.of(0))));

        assertThat(repository.rolloutTargets("j1", 2)).containsExactly(t1, t10);
        assertThat(repository.rolloutTargets("j1", 10)).containsExactly(t1, t10, t2);

        commit(c -> c.release(t1));
        assertThat(repository.rolloutTargets("j1", 10)).containsExactly(t10, t2);
        assertStale(c -> c.release(t1));
        assertStale(c -> c.holdBack(t2));
        assertThat(repository.rolloutTargets("j2", 10)).extracting(RolloutTarget::thingName).containsExactly("t0");
        assertThat(repository.rolloutTargets("absent", 10)).isEmpty();
    }

    @Test
    void rolloutTargetsAreFoundByThing() {
        insertJob(job("j1"));
        insertJob(job("j2"));
        RolloutTarget a = new RolloutTarget("j1", "a", List.of(0));
        RolloutTarget c = new RolloutTarget("j1", "c", List.of(1));
        commit(c1 -> c1.holdBack(c).holdBack(a).holdBack(new RolloutTarget("j2", "b", List.of(0))));

        assertThat(repository.rolloutTargets("j1", List.of("c", "b", "a", "absent"))).containsExactly(a, c);
        assertThat(repository.rolloutTargets("j1", List.of())).isEmpty();
        assertThat(repository.rolloutTargets("absent", List.of("a"))).isEmpty();
    }

    @Test
    void aThingIsReleasedAndHeldBackAgainInOneChangeset() {
        insertJob(job("j1"));
        RolloutTarget before = new RolloutTarget("j1", "a", List.of(0));
        commit(c -> c.holdBack(before));
        RolloutTarget after = new RolloutTarget("j1", "a", List.of(0, 3));

        commit(c -> c.release(before).holdBack(after));

        assertThat(repository.rolloutTargets("j1", 10)).containsExactly(after);
    }

    @Test
    void rolloutTargetNeedsItsJob() {
        RolloutTarget target = new RolloutTarget("j1", "t1", List.of(0));
        assertStale(c -> c.holdBack(target));

        commit(c -> c.insertJob(job("j1")).holdBack(target));
        assertThat(repository.rolloutTargets("j1", 10)).containsExactly(target);
    }

    @Test
    void aStaleChangesetHoldsNothingBackAndReleasesNothing() {
        JobRecord job = insertJob(job("j1"));
        RolloutTarget kept = new RolloutTarget("j1", "t1", List.of(0));
        commit(c -> c.holdBack(kept));

        assertStale(c -> c.release(kept).holdBack(new RolloutTarget("j1", "t2", List.of(0)))
                .updateJob(withRevision(job, job.revision() + 5)));

        assertThat(repository.rolloutTargets("j1", 10)).containsExactly(kept);
    }

    @Test
    void completionWaitsWhileTheRolloutHoldsThingsBack() {
        JobRecord job = insertJob(withRollout(job("j1"), rollout(1)));

        CommitResult held = commit(c -> c.complete(completion("j1", at(5))));
        assertThat(held.completedJobs()).isEmpty();
        assertThat(repository.findJob("j1").orElseThrow().job().status()).isEqualTo(JobStatus.IN_PROGRESS);

        JobRecord drained = job.next(job.job(), null, rollout(0));
        CommitResult done = commit(c -> c.updateJob(drained).complete(completion("j1", at(6))));
        assertThat(done.completedJobs()).containsExactly("j1");
        assertThat(repository.findJob("j1").orElseThrow().job().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void jobDeleteDropsItsRolloutTargets() {
        JobRecord job = insertJob(withRollout(job("j1"), rollout(2)));
        commit(c -> c.holdBack(new RolloutTarget("j1", "t1", List.of(0)))
                .holdBack(new RolloutTarget("j1", "t2", List.of(0))));

        commit(c -> c.deleteJob("j1", job.revision()));
        assertThat(repository.rolloutTargets("j1", 10)).isEmpty();

        insertJob(job("j1"));
        assertThat(repository.rolloutTargets("j1", 10)).isEmpty();
    }

    // ---------------------------------------------------------------- pending queue

    @Test
    void pendingQueuePutsInProgressFirstThenQueuedByQueuedAtThenJobId() {
        for (String id : List.of("jA", "jB", "jC", "jD", "jE", "jF")) {
            insertJob(job(id));
        }
        insertExecution(execution("jC", "t1", 1, IN_PROGRESS, at(30)));
        insertExecution(execution("jB", "t1", 1, QUEUED, at(10)));
        insertExecution(execution("jA", "t1", 1, QUEUED, at(10)));
        insertExecution(execution("jD", "t1", 1, QUEUED, at(5)));
        insertExecution(execution("jE", "t1", 1, SUCCEEDED, at(0)));
        insertExecution(execution("jF", "t1", 1, IN_PROGRESS, at(40)));
        insertExecution(execution("jA", "t2", 1, QUEUED, at(1)));

        assertThat(pendingJobs("t1", 10)).containsExactly("jC", "jF", "jD", "jA", "jB");
        assertThat(pendingJobs("t1", 3)).containsExactly("jC", "jF", "jD");
        assertThat(pendingJobs("t2", 10)).containsExactly("jA");
        assertThat(pendingJobs("t3", 10)).isEmpty();
    }

    /** Issue 12: the device's combined reads answer as the single reads do, whether or not the store knew the job. */
    @Test
    void theHeadOfTheQueueComesWithItsJob() {
        insertJob(withCounts(job("jA"), counts(QUEUED, 1)));
        JobRecord b = insertJob(withCounts(job("jB"), counts(IN_PROGRESS, 1)));
        insertExecution(execution("jA", "t1", 1, QUEUED, at(10)));
        ExecutionRecord started = insertExecution(execution("jB", "t1", 1, IN_PROGRESS, at(20)));

        for (int read = 0; read < 2; read++) {   // the second time, a store may know the job
            assertThat(repository.headOfQueue("t1")).contains(new JobAndExecution(b, started));
        }
        commit(c -> c.updateJob(next(b, j -> j.description("changed"))).addCounts("jB", counts(QUEUED, 2)));
        JobAndExecution head = repository.headOfQueue("t1").orElseThrow();
        assertThat(head.job()).isEqualTo(repository.findJob("jB").orElseThrow());
        assertThat(head.job().job().description()).isEqualTo("changed");
        assertThat(head.job().counts()).isEqualTo(counts(IN_PROGRESS, 1).plus(QUEUED, 2));
        assertThat(repository.headOfQueue("t2")).isEmpty();
    }

    @Test
    void theJobComesWithTheThingsLatestExecutionOfIt() {
        JobRecord job = insertJob(withCounts(job("j1"), counts(QUEUED, 1)));
        ExecutionRecord first = insertExecution(execution("j1", "t1", 1, QUEUED, at(10)));

        for (int read = 0; read < 2; read++) {
            assertThat(repository.findJobAndExecution("j1", "t1")).contains(new JobAndExecution(job, first));
        }
        ExecutionRecord failed = next(first, FAILED);
        ExecutionRecord retry = execution("j1", "t1", 2, QUEUED, at(20));
        commit(c -> c.updateExecution(failed).insertExecution(retry).addCounts("j1", counts(FAILED, 1)));
        JobAndExecution read = repository.findJobAndExecution("j1", "t1").orElseThrow();
        assertThat(read.execution()).isEqualTo(retry);
        assertThat(read.job().counts()).isEqualTo(counts(QUEUED, 1).plus(FAILED, 1));

        assertThat(repository.findJobAndExecution("j1", "t2")).contains(new JobAndExecution(read.job(), null));
        assertThat(repository.findJobAndExecution("absent", "t1")).isEmpty();
        commit(c -> c.deleteExecution(retry).deleteExecution(failed).deleteJob("j1", job.revision()));
        assertThat(repository.findJobAndExecution("j1", "t1")).isEmpty();
    }

    @Test
    void pendingQueueFollowsStatusChanges() {
        insertJob(job("jA"));
        insertJob(job("jB"));
        ExecutionRecord a = insertExecution(execution("jA", "t1", 1, QUEUED, at(10)));
        ExecutionRecord b = insertExecution(execution("jB", "t1", 1, QUEUED, at(20)));
        assertThat(pendingJobs("t1", 10)).containsExactly("jA", "jB");

        ExecutionRecord started = next(b, IN_PROGRESS);
        commit(c -> c.updateExecution(started));
        assertThat(repository.pendingExecutions("t1", 10)).containsExactly(started, a);

        commit(c -> c.updateExecution(next(started, SUCCEEDED)));
        assertThat(pendingJobs("t1", 10)).containsExactly("jA");
    }

    @Test
    void pendingQueueLeavesOutJobsBeingDeleted() {
        JobRecord deleting = insertJob(job("jA"));
        insertJob(job("jB"));
        insertJob(job("jC"));
        insertExecution(execution("jA", "t1", 1, IN_PROGRESS, at(0)));
        insertExecution(execution("jB", "t1", 1, QUEUED, at(10)));
        insertExecution(execution("jC", "t1", 1, QUEUED, at(20)));

        commit(c -> c.updateJob(next(deleting, j -> j.status(JobStatus.DELETION_IN_PROGRESS))));

        assertThat(pendingJobs("t1", 10)).containsExactly("jB", "jC");
        assertThat(pendingJobs("t1", 1)).containsExactly("jB");
        // Still there for the engine's own look-ups.
        assertThat(repository.findExecution("jA", "t1", null)).isPresent();
    }

    // ---------------------------------------------------------------- listJobs

    @Test
    void listJobsOrdersByCreatedAtThenJobIdAndPagesByKeyset() {
        insertJob(job("a", at(10)));
        insertJob(job("b", at(10)));
        insertJob(job("c", at(5)));
        insertJob(job("d", at(20)));
        insertJob(job("e", at(20)));
        insertJob(job("f", at(1)));
        insertJob(job("g", at(15)));

        Page<JobRecord> first = repository.listJobs(JobFilter.ALL, null, 3);
        assertThat(ids(first)).containsExactly("f", "c", "a");
        assertThat(first.hasMore()).isTrue();
        Page<JobRecord> second = repository.listJobs(JobFilter.ALL, listKey(first), 3);
        assertThat(ids(second)).containsExactly("b", "g", "d");
        assertThat(second.hasMore()).isTrue();
        Page<JobRecord> third = repository.listJobs(JobFilter.ALL, listKey(second), 3);
        assertThat(ids(third)).containsExactly("e");
        assertThat(third.hasMore()).isFalse();

        Page<JobRecord> exact = repository.listJobs(JobFilter.ALL, new JobListKey(at(15), "g"), 2);
        assertThat(ids(exact)).containsExactly("d", "e");
        assertThat(exact.hasMore()).isFalse();
        assertThat(allJobIds(JobFilter.ALL, 1)).containsExactly("f", "c", "a", "b", "g", "d", "e");
    }

    @Test
    void listJobsFilters() {
        String fleet = groupArn("fleet");
        String lab = groupArn("lab");
        insertJob(record(jobBuilder("j1", at(1)).targets(fleet).build()));
        insertJob(record(jobBuilder("j2", at(2)).status(JobStatus.CANCELED).targets(fleet, lab).build()));
        insertJob(record(jobBuilder("j3", at(3)).targetSelection(TargetSelection.CONTINUOUS).targets(lab).build()));
        insertJob(record(jobBuilder("j4", at(4)).targetSelection(TargetSelection.CONTINUOUS).targets(fleet).build()));
        insertJob(record(jobBuilder("j5", at(5)).status(JobStatus.COMPLETED).build()));
        insertJob(record(jobBuilder("j6", at(6)).targets(fleet).build()));
        insertJob(record(jobBuilder("j7", at(7)).status(JobStatus.CANCELED).targets(lab).build()));

        JobFilter inProgress = new JobFilter(JobStatus.IN_PROGRESS, null, null);
        JobFilter continuous = new JobFilter(null, TargetSelection.CONTINUOUS, null);
        JobFilter onFleet = new JobFilter(null, null, fleet);
        JobFilter snapshotsOnFleetInProgress = new JobFilter(JobStatus.IN_PROGRESS, TargetSelection.SNAPSHOT, fleet);
        for (int limit : List.of(1, 2, 10)) {
            assertThat(allJobIds(inProgress, limit)).containsExactly("j1", "j3", "j4", "j6");
            assertThat(allJobIds(continuous, limit)).containsExactly("j3", "j4");
            assertThat(allJobIds(onFleet, limit)).containsExactly("j1", "j2", "j4", "j6");
            assertThat(allJobIds(snapshotsOnFleetInProgress, limit)).containsExactly("j1", "j6");
            assertThat(allJobIds(new JobFilter(JobStatus.CANCELED, null, fleet), limit)).containsExactly("j2");
            assertThat(allJobIds(new JobFilter(JobStatus.IN_PROGRESS, null, lab), limit)).containsExactly("j3");
            assertThat(allJobIds(new JobFilter(JobStatus.CANCELED, TargetSelection.SNAPSHOT, null), limit))
                    .containsExactly("j2", "j7");
        }
        assertThat(allJobIds(new JobFilter(JobStatus.SCHEDULED, null, null), 2)).isEmpty();
        assertThat(allJobIds(new JobFilter(null, null, groupArn("fleet2")), 2)).isEmpty();
        assertThat(allJobIds(new JobFilter(null, null, groupArn("flee")), 2)).isEmpty();
    }

    @Test
    void listJobsFiltersFollowUpdates() {
        JobRecord job = insertJob(job("j1", at(1)));
        insertJob(job("j2", at(2)));

        commit(c -> c.updateJob(next(job, j -> j.status(JobStatus.CANCELED).targets(groupArn("g")))));

        assertThat(allJobIds(new JobFilter(JobStatus.IN_PROGRESS, null, null), 10)).containsExactly("j2");
        assertThat(allJobIds(new JobFilter(JobStatus.CANCELED, null, null), 10)).containsExactly("j1");
        assertThat(allJobIds(new JobFilter(null, null, groupArn("g")), 10)).containsExactly("j1");
        assertThat(allJobIds(new JobFilter(null, null, RepositoryFixtures.thingArn("t1")), 10))
                .containsExactly("j2");
    }

    @Test
    void listJobsNeitherSkipsNorRepeatsWhileJobsComeAndGo() {
        for (int i = 1; i <= 6; i++) {
            insertJob(job("j" + i, at(i * 10)));
        }
        Page<JobRecord> first = repository.listJobs(JobFilter.ALL, null, 3);
        assertThat(ids(first)).containsExactly("j1", "j2", "j3");

        // The job at the cursor goes, one appears before the cursor and one after.
        JobRecord j3 = repository.findJob("j3").orElseThrow();
        commit(c -> c.deleteJob("j3", j3.revision()));
        insertJob(job("early", at(5)));
        insertJob(job("late", at(45)));

        Page<JobRecord> second = repository.listJobs(JobFilter.ALL, listKey(first), 3);
        assertThat(ids(second)).containsExactly("j4", "late", "j5");
        Page<JobRecord> third = repository.listJobs(JobFilter.ALL, listKey(second), 3);
        assertThat(ids(third)).containsExactly("j6");
        assertThat(third.hasMore()).isFalse();
    }

    // ---------------------------------------------------------------- execution listings

    @Test
    void listExecutionsForJobOrdersByThingThenNumber() {
        insertJob(job("j1"));
        insertJob(job("j2"));
        insertExecution(execution("j1", "t2", 1, QUEUED, at(0)));
        insertExecution(execution("j1", "t1", 2, QUEUED, at(5)));
        insertExecution(execution("j1", "t1", 1, FAILED, at(1)));
        insertExecution(execution("j1", "t10", 1, IN_PROGRESS, at(0)));
        insertExecution(execution("j1", "t3", 1, SUCCEEDED, at(0)));
        insertExecution(execution("j2", "t1", 1, QUEUED, at(0)));

        assertThat(keys(repository.listExecutionsForJob("j1", null, null, 10)))
                .containsExactly("t1#1", "t1#2", "t10#1", "t2#1", "t3#1");
        assertThat(allForJob("j1", null, 2)).containsExactly("t1#1", "t1#2", "t10#1", "t2#1", "t3#1");
        assertThat(allForJob("j1", QUEUED, 1)).containsExactly("t1#2", "t2#1");
        assertThat(allForJob("j1", CANCELED, 1)).isEmpty();
        assertThat(allForJob("j3", null, 1)).isEmpty();

        Page<ExecutionRecord> page = repository.listExecutionsForJob("j1", null, new JobExecutionsKey("t1", 2), 2);
        assertThat(keys(page)).containsExactly("t10#1", "t2#1");
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void listExecutionsForThingOrdersByQueuedAtJobIdThenNumber() {
        insertJob(job("jA"));
        insertJob(job("jB"));
        insertJob(job("jC"));
        insertExecution(execution("jB", "t1", 1, QUEUED, at(10)));
        insertExecution(execution("jA", "t1", 2, QUEUED, at(10)));
        insertExecution(execution("jA", "t1", 1, FAILED, at(10)));
        insertExecution(execution("jC", "t1", 1, SUCCEEDED, at(5)));
        insertExecution(execution("jA", "t2", 3, QUEUED, at(0)));

        assertThat(thingKeys(repository.listExecutionsForThing("t1", null, null, null, 10)))
                .containsExactly("jC#1", "jA#1", "jA#2", "jB#1");
        assertThat(allForThing("t1", null, null, 1)).containsExactly("jC#1", "jA#1", "jA#2", "jB#1");
        assertThat(allForThing("t1", QUEUED, null, 1)).containsExactly("jA#2", "jB#1");
        assertThat(allForThing("t1", null, "jA", 1)).containsExactly("jA#1", "jA#2");
        assertThat(allForThing("t1", FAILED, "jA", 1)).containsExactly("jA#1");
        assertThat(allForThing("t1", null, "jD", 1)).isEmpty();
        assertThat(allForThing("t2", null, null, 1)).containsExactly("jA#3");

        Page<ExecutionRecord> page = repository.listExecutionsForThing("t1", null, null,
                new ThingExecutionsKey(at(10), "jA", 1), 1);
        assertThat(thingKeys(page)).containsExactly("jA#2");
        assertThat(page.hasMore()).isTrue();
    }

    // ---------------------------------------------------------------- due work

    @Test
    void executionsDueByReturnsPendingExecutionsByEarliestTimer() {
        insertJob(job("j1"));
        ExecutionRecord both = insertExecution(withTimers(execution("j1", "t1", 1, IN_PROGRESS, at(0)),
                at(100), at(50)));
        ExecutionRecord step = insertExecution(withTimers(execution("j1", "t2", 1, IN_PROGRESS, at(0)),
                at(30), null));
        insertExecution(withTimers(execution("j1", "t3", 1, IN_PROGRESS, at(0)), null, at(200)));
        insertExecution(withTimers(execution("j1", "t4", 1, SUCCEEDED, at(0)), at(10), null));
        insertExecution(execution("j1", "t5", 1, QUEUED, at(0)));

        assertThat(repository.executionsDueBy(at(29), 10)).isEmpty();
        assertThat(repository.executionsDueBy(at(30), 10)).containsExactly(step);
        assertThat(repository.executionsDueBy(at(60), 10)).containsExactly(step, both);
        assertThat(repository.executionsDueBy(at(1000), 1)).containsExactly(step);
        assertThat(repository.executionsDueBy(at(1000), 10)).extracting(ExecutionRecord::thingName)
                .containsExactly("t2", "t1", "t3");

        commit(c -> c.updateExecution(next(step, JobExecutionStatus.TIMED_OUT)));
        commit(c -> c.updateExecution(withTimers(next(both, IN_PROGRESS), null, null)));
        assertThat(repository.executionsDueBy(at(1000), 10)).extracting(ExecutionRecord::thingName)
                .containsExactly("t3");
    }

    @Test
    void jobsDueByReturnsJobsByDueTime() {
        JobRecord late = insertJob(withDueAt(job("j1"), at(100)));
        JobRecord early = insertJob(withDueAt(job("j2"), at(50)));
        insertJob(job("j3"));
        insertJob(withDueAt(job("j4"), at(100)));

        assertThat(repository.jobsDueBy(at(49), 10)).isEmpty();
        assertThat(jobIds(repository.jobsDueBy(at(50), 10))).containsExactly("j2");
        assertThat(jobIds(repository.jobsDueBy(at(100), 1))).containsExactly("j2");
        List<String> due = jobIds(repository.jobsDueBy(at(100), 10));
        assertThat(due).hasSize(3).startsWith("j2").contains("j1", "j4");

        commit(c -> c.updateJob(next(early, j -> j)).updateJob(late.next(late.job(), at(20))));
        assertThat(jobIds(repository.jobsDueBy(at(100), 10))).startsWith("j1").containsOnly("j1", "j2", "j4");
        JobRecord noLongerDue = repository.findJob("j2").orElseThrow();
        commit(c -> c.updateJob(noLongerDue.next(noLongerDue.job(), null)));
        assertThat(jobIds(repository.jobsDueBy(at(100), 10))).containsExactly("j1", "j4");
    }

    // ---------------------------------------------------------------- registry

    @Test
    void thingsAreInsertedAndDeletedWithTheirVersion() {
        commit(c -> c.insertThing(thing("t1")));

        assertThat(repository.findThing("t1")).contains(thing("t1"));
        assertThat(repository.findThing("t2")).isEmpty();
        assertStale(c -> c.insertThing(thing("t1")));
        assertStale(c -> c.deleteThing("t1", 2));
        assertStale(c -> c.deleteThing("t2", 1));

        commit(c -> c.deleteThing("t1", 1));
        assertThat(repository.findThing("t1")).isEmpty();
    }

    @Test
    void existingThingsAreThoseOfTheNamesThatExistInNameOrder() {
        commit(c -> c.insertThing(thing("t2")).insertThing(thing("t1")).insertThing(thing("t10")));

        assertThat(repository.existingThings(List.of("t2", "absent", "t10", "t1", "t2"))).containsExactly("t1", "t10",
                "t2");
        assertThat(repository.existingThings(List.of())).isEmpty();
    }

    @Test
    void groupsAreFoundByNameAndIdAndDeletedWithTheirVersion() {
        commit(c -> c.insertGroup(group("fleet", null)));

        assertThat(repository.findThingGroup("fleet")).contains(group("fleet", null));
        assertThat(repository.findThingGroupById("gid-fleet")).contains(group("fleet", null));
        assertThat(repository.findThingGroupById("fleet")).isEmpty();
        assertStale(c -> c.insertGroup(group("fleet", null)));
        assertStale(c -> c.deleteGroup("fleet", 2));
        assertStale(c -> c.deleteGroup("lab", 1));

        commit(c -> c.deleteGroup("fleet", 1));
        assertThat(repository.findThingGroup("fleet")).isEmpty();
        assertThat(repository.findThingGroupById("gid-fleet")).isEmpty();
    }

    @Test
    void childGroupsAreListedByName() {
        commit(c -> c.insertGroup(group("root", null))
                .insertGroup(group("zeta", "root"))
                .insertGroup(group("alpha", "root"))
                .insertGroup(group("mid", "root"))
                .insertGroup(group("leaf", "alpha")));

        assertThat(repository.childGroups("root")).containsExactly("alpha", "mid", "zeta");
        assertThat(repository.childGroups("alpha")).containsExactly("leaf");
        assertThat(repository.childGroups("leaf")).isEmpty();

        commit(c -> c.deleteGroup("mid", 1));
        assertThat(repository.childGroups("root")).containsExactly("alpha", "zeta");
    }

    private static ThingRecord typedThing(String name, String type, Map<String, String> attributes) {
        return new ThingRecord(name, RepositoryFixtures.thingArn(name), "id-" + name, type, attributes, 1);
    }

    private List<String> thingNames(ThingFilter filter, int pageSize) {
        List<String> all = new ArrayList<>();
        String after = null;
        Page<ThingRecord> page;
        do {
            page = repository.listThings(filter, after, pageSize);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            page.items().forEach(t -> all.add(t.thingName()));
            after = all.isEmpty() ? null : all.get(all.size() - 1);
        } while (page.hasMore());
        return all;
    }

    private List<String> groupNames(ThingGroupFilter filter, int pageSize) {
        List<String> all = new ArrayList<>();
        String after = null;
        Page<ThingGroupRecord> page;
        do {
            page = repository.listThingGroups(filter, after, pageSize);
            page.items().forEach(g -> all.add(g.thingGroupName()));
            after = all.isEmpty() ? null : all.get(all.size() - 1);
        } while (page.hasMore());
        return all;
    }

    @Test
    void listThingsPagesInNameOrderAndReadsThingsBackWhole() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("z", "1");
        attributes.put("a", "");
        commit(c -> c.insertThing(typedThing("b", "bulb", attributes)).insertThing(typedThing("a-b", null, Map.of()))
                .insertThing(typedThing("a_b", null, Map.of())).insertThing(typedThing("A", null, Map.of())));

        assertThat(thingNames(ThingFilter.ALL, 1)).containsExactly("A", "a-b", "a_b", "b");
        assertThat(thingNames(ThingFilter.ALL, 10)).containsExactly("A", "a-b", "a_b", "b");
        Page<ThingRecord> last = repository.listThings(ThingFilter.ALL, "a_b", 10);
        assertThat(last.items()).containsExactly(typedThing("b", "bulb", attributes));
        assertThat(last.hasMore()).isFalse();
        assertThat(repository.findThing("b").orElseThrow().attributes()).containsExactlyEntriesOf(attributes);
        assertThat(repository.listThings(ThingFilter.ALL, null, 0).items()).isEmpty();
        assertThat(repository.listThings(ThingFilter.ALL, null, 0).hasMore()).isTrue();
    }

    @Test
    void listThingsFiltersByAttributeValueOrPrefixAndByType() {
        commit(c -> c.insertThing(typedThing("t1", "bulb", Map.of("fw", "1.2", "site", "x")))
                .insertThing(typedThing("t2", null, Map.of("fw", "1.20")))
                .insertThing(typedThing("t3", "bulb", Map.of("fw", "1.3")))
                .insertThing(typedThing("t4", "switch", Map.of("fw", "1.2")))
                .insertThing(typedThing("t5", null, Map.of("fw", ""))));

        assertThat(thingNames(new ThingFilter(null, "fw", "1.2", false), 1)).containsExactly("t1", "t4");
        assertThat(thingNames(new ThingFilter(null, "fw", "1.2", true), 1)).containsExactly("t1", "t2", "t4");
        assertThat(thingNames(new ThingFilter(null, "fw", "", true), 2)).containsExactly("t1", "t2", "t3", "t4",
                "t5");
        assertThat(thingNames(new ThingFilter(null, "fw", "", false), 2)).containsExactly("t5");
        assertThat(thingNames(new ThingFilter(null, "site", "x", false), 2)).containsExactly("t1");
        assertThat(thingNames(new ThingFilter(null, "nope", "x", false), 2)).isEmpty();
        assertThat(thingNames(new ThingFilter("bulb", null, null, false), 1)).containsExactly("t1", "t3");
        assertThat(thingNames(new ThingFilter("bulb", "fw", "1.2", false), 1)).containsExactly("t1");
        assertThat(repository.listThings(new ThingFilter(null, "fw", "1.2", true), "t1", 10).items())
                .extracting(ThingRecord::thingName).containsExactly("t2", "t4");

        commit(c -> c.deleteThing("t1", 1).deleteThing("t3", 1));
        assertThat(thingNames(new ThingFilter(null, "fw", "1.2", false), 10)).containsExactly("t4");
        assertThat(thingNames(new ThingFilter("bulb", null, null, false), 10)).isEmpty();
        commit(c -> c.insertThing(typedThing("t1", null, Map.of())));
        assertThat(thingNames(new ThingFilter(null, "site", "x", false), 2)).isEmpty();
    }

    @Test
    void listThingGroupsPagesAParentsChildrenTheRootsOrAllByName() {
        commit(c -> c.insertGroup(group("r2", null)).insertGroup(group("r1", null))
                .insertGroup(group("b", "r1")).insertGroup(group("a", "r1")).insertGroup(group("a1", "a"))
                .insertGroup(group("a:x", "r2")));

        assertThat(groupNames(new ThingGroupFilter(null, false, null), 1)).containsExactly("a", "a1", "a:x", "b",
                "r1", "r2");
        assertThat(groupNames(new ThingGroupFilter(null, true, null), 1)).containsExactly("r1", "r2");
        assertThat(groupNames(new ThingGroupFilter("r1", false, null), 1)).containsExactly("a", "b");
        assertThat(groupNames(new ThingGroupFilter("a1", false, null), 1)).isEmpty();
        assertThat(groupNames(new ThingGroupFilter(null, false, "a"), 1)).containsExactly("a", "a1", "a:x");
        assertThat(groupNames(new ThingGroupFilter(null, false, "a1"), 5)).containsExactly("a1");
        assertThat(groupNames(new ThingGroupFilter(null, true, "r2"), 5)).containsExactly("r2");
        assertThat(groupNames(new ThingGroupFilter("r1", false, "b"), 5)).containsExactly("b");
        assertThat(repository.listThingGroups(new ThingGroupFilter(null, false, null), "a:x", 10).items())
                .containsExactly(group("b", "r1"), group("r1", null), group("r2", null));

        commit(c -> c.deleteGroup("b", 1));
        assertThat(groupNames(new ThingGroupFilter("r1", false, null), 1)).containsExactly("a");
    }

    @Test
    void membershipsAreIdempotent() {
        commit(c -> c.insertThing(thing("t1")).insertGroup(group("b", null)).insertGroup(group("a", null)));

        commit(c -> c.addMembership("b", "t1").addMembership("a", "t1"));
        commit(c -> c.addMembership("b", "t1"));
        assertThat(repository.groupsOfThing("t1")).containsExactly("a", "b");
        assertThat(repository.thingsInGroups(List.of("b"), null, 10)).isEqualTo(new Page<>(List.of("t1"), false));

        commit(c -> c.removeMembership("b", "t1"));
        commit(c -> c.removeMembership("b", "t1").removeMembership("c", "t9"));
        assertThat(repository.groupsOfThing("t1")).containsExactly("a");
        assertThat(repository.thingsInGroups(List.of("b"), null, 10).items()).isEmpty();
        assertThat(repository.groupsOfThing("t9")).isEmpty();
    }

    @Test
    void membershipNeedsItsThingAndGroup() {
        commit(c -> c.insertThing(thing("t1")).insertGroup(group("g", null)));

        assertStale(c -> c.addMembership("g", "t2"));
        assertStale(c -> c.addMembership("h", "t1"));
        assertThat(repository.groupsOfThing("t1")).isEmpty();

        commit(c -> c.insertThing(thing("t2")).addMembership("g", "t2"));
        assertThat(repository.groupsOfThing("t2")).containsExactly("g");
    }

    @Test
    void thingsInGroupsIsTheDistinctUnionInNameOrder() {
        commit(c -> {
            c.insertGroup(group("g1", null)).insertGroup(group("g2", null)).insertGroup(group("g3", null));
            for (String t : List.of("a", "b", "c", "d", "e", "f")) {
                c.insertThing(thing(t));
            }
            c.addMembership("g1", "a").addMembership("g1", "c").addMembership("g1", "e");
            c.addMembership("g2", "b").addMembership("g2", "c").addMembership("g2", "f");
            c.addMembership("g3", "c").addMembership("g3", "e").addMembership("g3", "d");
        });
        List<String> groups = List.of("g1", "g2", "g3", "g2", "unknown");

        Page<String> first = repository.thingsInGroups(groups, null, 2);
        assertThat(first).isEqualTo(new Page<>(List.of("a", "b"), true));
        Page<String> second = repository.thingsInGroups(groups, "b", 2);
        assertThat(second).isEqualTo(new Page<>(List.of("c", "d"), true));
        Page<String> third = repository.thingsInGroups(groups, "d", 2);
        assertThat(third).isEqualTo(new Page<>(List.of("e", "f"), false));
        assertThat(repository.thingsInGroups(groups, "bb", 10).items()).containsExactly("c", "d", "e", "f");
        assertThat(repository.thingsInGroups(List.of("g1", "g3"), null, 10).items())
                .containsExactly("a", "c", "d", "e");
        assertThat(repository.thingsInGroups(List.of(), null, 10)).isEqualTo(new Page<>(List.of(), false));
    }

    @Test
    void deletingAThingOrGroupRemovesItsMemberships() {
        commit(c -> c.insertThing(thing("t1")).insertThing(thing("t2"))
                .insertGroup(group("g1", null)).insertGroup(group("g2", null))
                .addMembership("g1", "t1").addMembership("g2", "t1")
                .addMembership("g1", "t2").addMembership("g2", "t2"));

        commit(c -> c.deleteThing("t1", 1));
        assertThat(repository.thingsInGroups(List.of("g1", "g2"), null, 10).items()).containsExactly("t2");
        assertThat(repository.groupsOfThing("t1")).isEmpty();

        commit(c -> c.deleteGroup("g1", 1));
        assertThat(repository.groupsOfThing("t2")).containsExactly("g2");
        assertThat(repository.thingsInGroups(List.of("g1"), null, 10).items()).isEmpty();

        // A group created again under the same name starts empty.
        commit(c -> c.insertGroup(new ThingGroupRecord("g1", groupArn("g1"), "gid-g1-again", null, null, null, 1,
                at(9))));
        assertThat(repository.thingsInGroups(List.of("g1"), null, 10).items()).isEmpty();
    }

    // ---------------------------------------------------------------- events

    @Test
    void eventsGetIncreasingSequencesAndCanBeDropped() {
        CommitResult first = commit(c -> c.insertJob(job("j1")).insertJob(job("j2"))
                .event(created("j1")).event(created("j2")));
        CommitResult second = commit(c -> c.insertJob(job("j3")).event(created("j3")));

        List<StoredEvent> stored = new ArrayList<>(first.events());
        stored.addAll(second.events());
        assertThat(stored).extracting(StoredEvent::event).containsExactly(created("j1"), created("j2"), created("j3"));
        assertThat(stored.get(0).sequence()).isPositive();
        assertThat(stored.get(1).sequence()).isGreaterThan(stored.get(0).sequence());
        assertThat(stored.get(2).sequence()).isGreaterThan(stored.get(1).sequence());
        assertThat(repository.eventsAfter(0, 10)).isEqualTo(stored);
        assertThat(repository.eventsAfter(stored.get(0).sequence(), 1)).containsExactly(stored.get(1));

        repository.deleteEventsThrough(stored.get(1).sequence());
        assertThat(repository.eventsAfter(0, 10)).containsExactly(stored.get(2));

        CommitResult third = commit(c -> c.event(created("j4")));
        assertThat(third.events().get(0).sequence()).isGreaterThan(stored.get(2).sequence());
        repository.deleteEventsThrough(third.events().get(0).sequence());
        assertThat(repository.eventsAfter(0, 10)).isEmpty();
    }

    /**
     * SPEC E2 across restarts: the relay's position starts at 0 in a new store, and a clean-up raises it to what it
     * dropped through, capped by the highest stored number (the no-subscriber clean-up drops through
     * Long.MAX_VALUE), never lowering it.
     */
    @Test
    void e2_theRelayPositionFollowsTheCleanUps() {
        assertThat(repository.eventsDroppedThrough()).hasValue(0);
        List<StoredEvent> stored = commit(c -> c.insertJob(job("j1")).insertJob(job("j2"))
                .event(created("j1")).event(created("j2"))).events();

        repository.deleteEventsThrough(stored.get(0).sequence());
        assertThat(repository.eventsDroppedThrough()).hasValue(stored.get(0).sequence());
        repository.deleteEventsThrough(Long.MAX_VALUE);
        assertThat(repository.eventsDroppedThrough()).hasValue(stored.get(1).sequence());
        repository.deleteEventsThrough(stored.get(0).sequence());
        assertThat(repository.eventsDroppedThrough()).as("never lowered").hasValue(stored.get(1).sequence());
        repository.deleteEventsThrough(Long.MAX_VALUE);
        assertThat(repository.eventsDroppedThrough()).as("nothing stored to drop").hasValue(stored.get(1).sequence());
    }

    @Test
    void emptyChangesetStoresNothing() {
        CommitResult result = repository.commit(Changeset.EMPTY);

        assertThat(result.events()).isEmpty();
        assertThat(result.completedJobs()).isEmpty();
        assertThat(repository.eventsAfter(0, 10)).isEmpty();
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void concurrentUpdatesOfOneExecutionHaveExactlyOneWinnerPerRound() throws Exception {
        insertJob(job("j1"));
        insertExecution(execution("j1", "t1", 1, IN_PROGRESS, at(0)));
        pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);

        for (int round = 0; round < raceRounds(); round++) {
            ExecutionRecord read = repository.findExecution("j1", "t1", 1L).orElseThrow();
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                ExecutionRecord mine = next(read, IN_PROGRESS, Map.of("writer", String.valueOf(t)));
                attempts.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        repository.commit(Changeset.builder().updateExecution(mine).build());
                        return true;
                    } catch (StaleStateException lost) {
                        return false;
                    }
                }));
            }
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> attempt : attempts) {
                won.add(attempt.get(30, TimeUnit.SECONDS));
            }
            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            ExecutionRecord after = repository.findExecution("j1", "t1", 1L).orElseThrow();
            assertThat(after.versionNumber()).isEqualTo(read.versionNumber() + 1);
            assertThat(after.statusDetails().get("writer")).isEqualTo(String.valueOf(won.indexOf(true)));
        }
    }

    @Test
    void concurrentCounterDeltasLoseNoIncrement() throws Exception {
        int perThread = commitsPerThread();
        insertJob(job("j1"));
        pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);

        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            writers.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                for (int i = 0; i < perThread; i++) {
                    repository.commit(Changeset.builder()
                            .addCounts("j1", counts(SUCCEEDED, 1).plus(QUEUED, 2))
                            .event(created("j1"))
                            .build());
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }

        int total = THREADS * perThread;
        assertThat(repository.findJob("j1").orElseThrow().counts())
                .isEqualTo(counts(SUCCEEDED, total).plus(QUEUED, 2 * total));
        List<StoredEvent> events = repository.eventsAfter(0, total + 10);
        assertThat(events).hasSize(total);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isGreaterThan(events.get(i - 1).sequence());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** @param changes what to put in the changeset @return what the commit stored */
    @Test
    void aJobCheckPassesAtTheReadRevisionAndIsStaleAfterAnUpdate() {
        JobRecord job = insertJob(job("j1"));
        commit(c -> c.expectJob(job).event(new JobDeleted("j1", T0)));
        commit(c -> c.updateJob(next(job, b -> b.description("changed"))));
        assertStale(c -> c.expectJob(job).event(new JobDeleted("j1", T0)));
        assertThat(repository.findJob("j1").orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void anExecutionInsertNeedsItsThing() {
        insertJob(job("j1"));
        assertThatThrownBy(() -> repository.commit(Changeset.builder()
                .insertExecution(execution("j1", "ghost", 1, QUEUED, T0)).build()))
                .isInstanceOf(StaleStateException.class);
        assertThat(repository.findExecution("j1", "ghost", null)).isEmpty();
    }

    @Test
    void aThingDeleteExpectsNoPendingExecutionLeft() {
        insertJob(job("j1"));
        ExecutionRecord queued = insertExecution(execution("j1", "t1", 1, QUEUED, T0));
        long version = repository.findThing("t1").orElseThrow().version();
        assertStale(c -> c.deleteThing("t1", version));
        commit(c -> c.deleteThing("t1", version).updateExecution(next(queued, JobExecutionStatus.REMOVED)));
        assertThat(repository.findThing("t1")).isEmpty();
    }

    @Test
    void aGroupInsertNeedsItsParentAndAGroupDeleteNoChildren() {
        assertStale(c -> c.insertGroup(group("child", "missing")));
        commit(c -> c.insertGroup(group("parent", null)).insertGroup(group("child", "parent")));
        assertStale(c -> c.deleteGroup("parent", 1));
        commit(c -> c.deleteGroup("child", 1).deleteGroup("parent", 1));
        assertThat(repository.findThingGroup("parent")).isEmpty();
        assertThat(repository.childGroups("parent")).isEmpty();
    }

    // ------------------------------------------------------------------ custom job templates (SPEC J14)

    @Test
    void templatesAreFoundByIdWithEveryMemberAsStored() {
        JobTemplateRecord full = new JobTemplateRecord("fw", "arn:aws:iot:us-east-1:123456789012:jobtemplate/fw",
                "firmware", "{\"v\":2}", null,
                PresignedUrlConfig.builder().roleArn("arn:aws:iam::123456789012:role/r").expiresInSec(600L).build(),
                JobExecutionsRolloutConfig.builder().maximumPerMinute(10).exponentialRate(ExponentialRolloutRate
                        .builder().baseRatePerMinute(2).incrementFactor(1.5).rateIncreaseCriteria(
                                RateIncreaseCriteria.builder().numberOfSucceededThings(3).build()).build()).build(),
                AbortConfig.builder().criteriaList(AbortCriteria.builder().failureType(JobExecutionFailureType.FAILED)
                        .action(AbortAction.CANCEL).thresholdPercentage(12.5).minNumberOfExecutedThings(4).build())
                        .build(),
                TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build(),
                JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.TIMED_OUT).numberOfRetries(3).build()).build(),
                List.of(new Tag("env", "prod")), at(5));
        JobTemplateRecord bare = new JobTemplateRecord("src", "arn:aws:iot:us-east-1:123456789012:jobtemplate/src",
                "from a source", null, "s3://bucket/fw.json", null, null, null, null, null, List.of(), at(6));
        commit(c -> c.insertJobTemplate(full).insertJobTemplate(bare));

        assertThat(repository.findJobTemplate("fw")).contains(full);
        assertThat(repository.findJobTemplate("src")).contains(bare);
        assertThat(repository.findJobTemplate("absent")).isEmpty();
    }

    @Test
    void aTemplateInsertExpectsNoTemplateWithItsIdAndADeleteExpectsOne() {
        commit(c -> c.insertJobTemplate(template("fw", at(1))));

        assertStale(c -> c.insertJobTemplate(template("fw", at(2))));
        assertStale(c -> c.insertJobTemplate(template("b", at(2))).insertJobTemplate(template("b", at(3))));
        assertStale(c -> c.deleteJobTemplate("absent"));
        assertStale(c -> c.deleteJobTemplate("fw").deleteJobTemplate("fw"));
        // A stale changeset applies nothing of itself.
        assertStale(c -> c.insertJobTemplate(template("other", at(2))).deleteJobTemplate("absent"));
        assertThat(repository.findJobTemplate("other")).isEmpty();
        assertThat(repository.findJobTemplate("fw")).contains(template("fw", at(1)));

        // Inserts come before deletes: a template can be created and dropped in one changeset, not the reverse.
        commit(c -> c.insertJobTemplate(template("brief", at(3))).deleteJobTemplate("brief"));
        assertThat(repository.findJobTemplate("brief")).isEmpty();
        commit(c -> c.deleteJobTemplate("fw"));
        assertThat(repository.findJobTemplate("fw")).isEmpty();
        commit(c -> c.insertJobTemplate(template("fw", at(4))));
        assertThat(repository.findJobTemplate("fw")).contains(template("fw", at(4)));
    }

    @Test
    void templatesAreListedByCreatedAtThenIdInKeysetPages() {
        commit(c -> c.insertJobTemplate(template("m", at(3))).insertJobTemplate(template("z", at(1)))
                .insertJobTemplate(template("a-b", at(2))).insertJobTemplate(template("ab", at(2)))
                .insertJobTemplate(template("B", at(2))).insertJobTemplate(template("a", at(4))));

        List<String> all = allPages((JobTemplateListKey after) -> repository.listJobTemplates(after, 2),
                JobTemplateRecord::listKey, 2).stream().map(JobTemplateRecord::jobTemplateId).toList();
        assertThat(all).as("createdAt, then id as Java strings sort").containsExactly("z", "B", "a-b", "ab", "m",
                "a");
        assertThat(repository.listJobTemplates(new JobTemplateListKey(at(2), "a-b"), 10).items().stream()
                .map(JobTemplateRecord::jobTemplateId)).containsExactly("ab", "m", "a");
        assertThat(repository.listJobTemplates(new JobTemplateListKey(at(2), "a-c"), 10).items().stream()
                .map(JobTemplateRecord::jobTemplateId)).as("a key between rows").containsExactly("ab", "m", "a");
        Page<JobTemplateRecord> last = repository.listJobTemplates(new JobTemplateListKey(at(3), "m"), 1);
        assertThat(last.items()).extracting(JobTemplateRecord::jobTemplateId).containsExactly("a");
        assertThat(last.hasMore()).isFalse();
        assertThat(repository.listJobTemplates(null, 0).items()).isEmpty();
        assertThatThrownBy(() -> repository.listJobTemplates(null, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void templatesTakeNoPartInJobsAndTheirDeletesLeaveJobsAlone() {
        JobRecord job = insertJob(withTemplate(job("j1"), "arn:aws:iot:us-east-1:123456789012:jobtemplate/fw"));
        commit(c -> c.insertJobTemplate(template("fw", at(1))));
        commit(c -> c.deleteJobTemplate("fw"));
        assertThat(repository.findJob("j1")).hasValueSatisfying(stored ->
                assertThat(stored.job().jobTemplateArn()).isEqualTo(job.job().jobTemplateArn()));
        assertThat(repository.eventsAfter(0, 10)).isEmpty();
    }

    private static JobTemplateRecord template(String id, java.time.Instant createdAt) {
        return new JobTemplateRecord(id, "arn:aws:iot:us-east-1:123456789012:jobtemplate/" + id, "template " + id,
                "{}", null, null, null, null, null, null, List.of(), createdAt);
    }

    private static JobRecord withTemplate(JobRecord record, String templateArn) {
        return new JobRecord(record.job().toBuilder().jobTemplateArn(templateArn).build(), record.document(),
                record.documentSource(), record.tags(), record.counts(), record.revision(), record.dueAt());
    }

    // ---------------------------------------------------------------- continuous jobs (SPEC G2, G3)

    @Test
    void continuousJobsTargetingFindsTheLiveContinuousJobsOfTheTargetsOnce() {
        java.util.function.BiFunction<String, JobStatus, JobRecord> continuous = (id, status) -> record(
                jobBuilder(id, at(id.hashCode() & 0xff)).targetSelection(TargetSelection.CONTINUOUS).status(status)
                        .targets(List.of(groupArn("g"), groupArn("parent"))).build());
        commit(c -> c.insertJob(continuous.apply("running", JobStatus.IN_PROGRESS))
                .insertJob(continuous.apply("scheduled", JobStatus.SCHEDULED))
                .insertJob(continuous.apply("canceled", JobStatus.CANCELED))
                .insertJob(continuous.apply("deleting", JobStatus.DELETION_IN_PROGRESS))
                .insertJob(record(jobBuilder("snapshot", at(1)).targets(List.of(groupArn("g"))).build()))
                .insertJob(record(jobBuilder("elsewhere", at(2)).targetSelection(TargetSelection.CONTINUOUS)
                        .targets(List.of(groupArn("other"))).build())));

        List<JobRecord> found = repository.continuousJobsTargeting(List.of(groupArn("g"), groupArn("parent")));
        assertThat(jobIds(found)).containsExactlyInAnyOrder("running", "scheduled");
        assertThat(found).isSortedAccordingTo(java.util.Comparator
                .comparing((JobRecord j) -> j.job().createdAt()).thenComparing(JobRecord::jobId));
        assertThat(repository.continuousJobsTargeting(List.of(groupArn("none")))).isEmpty();
        assertThat(repository.continuousJobsTargeting(List.of())).isEmpty();

        JobRecord running = repository.findJob("running").orElseThrow();
        commit(c -> c.updateJob(next(running, b -> b.status(JobStatus.CANCELED))));
        assertThat(jobIds(repository.continuousJobsTargeting(List.of(groupArn("g"))))).containsExactly("scheduled");
    }

    @Test
    void membershipRevisionsStartAtZeroAndEachCheckRaisesThemByOne() {
        assertThat(repository.groupMembershipRevisions(List.of("g", "h"))).isEqualTo(Map.of("g", 0L, "h", 0L));
        assertThat(repository.thingMembershipRevision("t1")).isZero();

        commit(c -> c.expectGroupMembership("g", 0).expectThingMembership("t1", 0));
        commit(c -> c.expectGroupMembership("g", 1).expectGroupMembership("h", 0));

        assertThat(repository.groupMembershipRevisions(List.of("g", "h"))).isEqualTo(Map.of("g", 2L, "h", 1L));
        assertThat(repository.thingMembershipRevision("t1")).isEqualTo(1L);
    }

    @Test
    void aMovedMembershipRevisionIsStaleAndAppliesNothing() {
        commit(c -> c.expectGroupMembership("g", 0));
        assertStale(c -> c.insertJob(job("j1")).expectGroupMembership("g", 0));
        assertStale(c -> c.insertJob(job("j1")).expectGroupMembership("g", 1).expectThingMembership("t1", 3));
        assertThat(repository.findJob("j1")).isEmpty();
        assertThat(repository.groupMembershipRevisions(List.of("g"))).containsEntry("g", 1L);
        assertThat(repository.thingMembershipRevision("t1")).isZero();
    }

    @Test
    void g2_aMoveRaisesTheMembershipRevisionUncheckedAndAnExpansionRaisesTheTargetingRevision() {
        assertThat(repository.groupTargetingRevisions(List.of("g", "h"))).isEqualTo(Map.of("g", 0L, "h", 0L));

        commit(c -> c.moveGroupMembership("g", 0));
        commit(c -> c.moveGroupMembership("g", 0));   // the membership moved, the targeting revision did not
        assertThat(repository.groupMembershipRevisions(List.of("g"))).containsEntry("g", 2L);
        assertThat(repository.groupTargetingRevisions(List.of("g"))).containsEntry("g", 0L);

        commit(c -> c.expectGroupMembership("g", 2).expectGroupMembership("h", 0));
        assertThat(repository.groupMembershipRevisions(List.of("g", "h"))).isEqualTo(Map.of("g", 3L, "h", 1L));
        assertThat(repository.groupTargetingRevisions(List.of("g", "h"))).isEqualTo(Map.of("g", 1L, "h", 1L));
    }

    @Test
    void g2_aMoveOfAGroupAnExpansionCheckedMeanwhileIsStaleAndAppliesNothing() {
        commit(c -> c.expectGroupMembership("g", 0));

        assertStale(c -> c.insertJob(job("j1")).moveGroupMembership("g", 0));
        assertThat(repository.findJob("j1")).isEmpty();
        assertThat(repository.groupMembershipRevisions(List.of("g"))).containsEntry("g", 1L);
        // ... and an expansion that read the membership before a move committed is stale too.
        commit(c -> c.moveGroupMembership("g", 1));
        assertStale(c -> c.insertJob(job("j1")).expectGroupMembership("g", 1));
        assertThat(repository.groupTargetingRevisions(List.of("g"))).containsEntry("g", 1L);
    }

    @Test
    void g2_concurrentMovesOfOneGroupAllCommit() throws Exception {
        commit(c -> c.insertGroup(group("g", null)));
        pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        int rounds = Math.min(20, raceRounds());
        for (int round = 0; round < rounds; round++) {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                attempts.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        repository.commit(Changeset.builder().moveGroupMembership("g", 0).build());
                        return true;
                    } catch (StaleStateException lost) {
                        return false;
                    }
                }));
            }
            for (Future<Boolean> attempt : attempts) {
                assertThat(attempt.get(30, TimeUnit.SECONDS)).as("round %d", round).isTrue();
            }
        }
        assertThat(repository.groupMembershipRevisions(List.of("g"))).containsEntry("g", (long) rounds * THREADS);
    }

    @Test
    void ofConcurrentChecksOfOneMembershipRevisionExactlyOneCommits() throws Exception {
        pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        for (int round = 0; round < Math.min(20, raceRounds()); round++) {
            long read = repository.groupMembershipRevisions(List.of("g")).get("g");
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                attempts.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        repository.commit(Changeset.builder().expectGroupMembership("g", read).build());
                        return true;
                    } catch (StaleStateException lost) {
                        return false;
                    }
                }));
            }
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> attempt : attempts) {
                won.add(attempt.get(30, TimeUnit.SECONDS));
            }
            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            assertThat(repository.groupMembershipRevisions(List.of("g"))).containsEntry("g", read + 1);
        }
    }

    protected CommitResult commit(Consumer<Changeset.Builder> changes) {
        Changeset.Builder builder = Changeset.builder();
        changes.accept(builder);
        Changeset changeset = builder.build();
        registerThingsOf(changeset);
        return repository.commit(changeset);
    }

    /** @param changes a changeset that must fail its compare-and-set */
    protected void assertStale(Consumer<Changeset.Builder> changes) {
        Changeset.Builder builder = Changeset.builder();
        changes.accept(builder);
        Changeset changeset = builder.build();
        registerThingsOf(changeset);
        assertThatThrownBy(() -> repository.commit(changeset)).isInstanceOf(StaleStateException.class);
    }

    /** Executions need their thing: tests about executions register it first, in a commit of its own. */
    private void registerThingsOf(Changeset changeset) {
        Changeset.Builder things = Changeset.builder();
        changeset.executionInserts().stream().map(ExecutionRecord::thingName).distinct()
                .filter(name -> repository.findThing(name).isEmpty())
                .filter(name -> changeset.thingInserts().stream().noneMatch(t -> t.thingName().equals(name)))
                .forEach(name -> things.insertThing(thing(name)));
        Changeset registration = things.build();
        if (!registration.isEmpty()) {
            repository.commit(registration);
        }
    }

    private JobRecord insertJob(JobRecord job) {
        commit(c -> c.insertJob(job));
        return job;
    }

    private ExecutionRecord insertExecution(ExecutionRecord execution) {
        commit(c -> c.insertExecution(execution));
        return execution;
    }

    private long lastSequence() {
        long last = 0;
        for (List<StoredEvent> page = repository.eventsAfter(0, 100); !page.isEmpty();
             page = repository.eventsAfter(last, 100)) {
            last = page.get(page.size() - 1).sequence();
        }
        return last;
    }

    private List<String> pendingJobs(String thingName, int limit) {
        return repository.pendingExecutions(thingName, limit).stream().map(ExecutionRecord::jobId).toList();
    }

    private static List<String> ids(Page<JobRecord> page) {
        return jobIds(page.items());
    }

    private static List<String> jobIds(List<JobRecord> jobs) {
        return jobs.stream().map(JobRecord::jobId).toList();
    }

    private static JobListKey listKey(Page<JobRecord> page) {
        JobRecord last = page.items().get(page.items().size() - 1);
        return new JobListKey(last.job().createdAt(), last.jobId());
    }

    private static List<String> keys(Page<ExecutionRecord> page) {
        return page.items().stream().map(e -> e.thingName() + "#" + e.executionNumber()).toList();
    }

    private static List<String> thingKeys(Page<ExecutionRecord> page) {
        return page.items().stream().map(e -> e.jobId() + "#" + e.executionNumber()).toList();
    }

    private List<String> allJobIds(JobFilter filter, int limit) {
        return jobIds(allPages((JobListKey after) -> repository.listJobs(filter, after, limit),
                job -> new JobListKey(job.job().createdAt(), job.jobId()), limit));
    }

    private List<String> allForJob(String jobId, JobExecutionStatus status, int limit) {
        List<ExecutionRecord> all = allPages(
                (JobExecutionsKey after) -> repository.listExecutionsForJob(jobId, status, after, limit),
                e -> new JobExecutionsKey(e.thingName(), e.executionNumber()), limit);
        return all.stream().map(e -> e.thingName() + "#" + e.executionNumber()).toList();
    }

    private List<String> allForThing(String thingName, JobExecutionStatus status, String jobId, int limit) {
        List<ExecutionRecord> all = allPages(
                (ThingExecutionsKey after) -> repository.listExecutionsForThing(thingName, status, jobId, after, limit),
                e -> new ThingExecutionsKey(e.queuedAt(), e.jobId(), e.executionNumber()), limit);
        return all.stream().map(e -> e.jobId() + "#" + e.executionNumber()).toList();
    }

    /**
     * Follows a keyset-paginated query to its end, checking every page: full while more follow, never empty after
     * the first, at most the limit.
     */
    private static <T, K> List<T> allPages(Function<K, Page<T>> query, Function<T, K> keyOf, int limit) {
        List<T> all = new ArrayList<>();
        K after = null;
        for (int pages = 0; pages < 1000; pages++) {
            Page<T> page = query.apply(after);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            if (page.hasMore()) {
                assertThat(page.items()).hasSize(limit);
            }
            if (pages > 0) {
                assertThat(page.items()).isNotEmpty();
            }
            all.addAll(page.items());
            if (!page.hasMore()) {
                return all;
            }
            after = keyOf.apply(page.items().get(page.items().size() - 1));
        }
        throw new AssertionError("no last page after 1000 pages");
    }
}
