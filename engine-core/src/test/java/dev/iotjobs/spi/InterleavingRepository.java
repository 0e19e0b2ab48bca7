package dev.iotjobs.spi;

import dev.iotjobs.api.model.JobExecutionStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A repository that forwards to another and can run a step of its own right before the next commit (a race between
 * one operation's reads and its commit, replayed deterministically) or fail commits as stale.
 */
public final class InterleavingRepository implements JobRepository {
    private final JobRepository store;
    private final AtomicReference<Runnable> beforeNextCommit = new AtomicReference<>();
    private final AtomicInteger staleCommits = new AtomicInteger();

    /** @param store the repository that holds the data */
    public InterleavingRepository(JobRepository store) {
        this.store = store;
    }

    /** @param step runs once, right before the next commit reaches the store */
    public void beforeNextCommit(Runnable step) {
        beforeNextCommit.set(step);
    }

    /** @param commits how many of the next commits fail as stale, as if another node always came first */
    public void failCommitsAsStale(int commits) {
        staleCommits.set(commits);
    }

    @Override
    public CommitResult commit(Changeset changes) {
        if (staleCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StaleStateException("another node came first (test)");
        }
        Runnable step = beforeNextCommit.getAndSet(null);
        if (step != null) {
            step.run();
        }
        return store.commit(changes);
    }

    @Override
    public Optional<JobRecord> findJob(String jobId) {
        return store.findJob(jobId);
    }

    @Override
    public Optional<ExecutionRecord> findExecution(String jobId, String thingName, Long executionNumber) {
        return store.findExecution(jobId, thingName, executionNumber);
    }

    @Override
    public List<ExecutionRecord> pendingExecutions(String thingName, int limit) {
        return store.pendingExecutions(thingName, limit);
    }

    @Override
    public Optional<JobAndExecution> findJobAndExecution(String jobId, String thingName) {
        return store.findJobAndExecution(jobId, thingName);
    }

    @Override
    public Optional<JobAndExecution> headOfQueue(String thingName) {
        return store.headOfQueue(thingName);
    }

    @Override
    public Page<JobRecord> listJobs(JobFilter filter, JobListKey after, int limit) {
        return store.listJobs(filter, after, limit);
    }

    @Override
    public Page<ExecutionRecord> listExecutionsForJob(String jobId, JobExecutionStatus status, JobExecutionsKey after,
                                                      int limit) {
        return store.listExecutionsForJob(jobId, status, after, limit);
    }

    @Override
    public Page<ExecutionRecord> listExecutionsForThing(String thingName, JobExecutionStatus status, String jobId,
                                                        ThingExecutionsKey after, int limit) {
        return store.listExecutionsForThing(thingName, status, jobId, after, limit);
    }

    @Override
    public List<ExecutionRecord> executionsDueBy(Instant now, int limit) {
        return store.executionsDueBy(now, limit);
    }

    @Override
    public List<JobRecord> jobsDueBy(Instant now, int limit) {
        return store.jobsDueBy(now, limit);
    }

    @Override
    public List<RolloutTarget> rolloutTargets(String jobId, int limit) {
        return store.rolloutTargets(jobId, limit);
    }

    @Override
    public List<RolloutTarget> rolloutTargets(String jobId, Collection<String> thingNames) {
        return store.rolloutTargets(jobId, thingNames);
    }

    @Override
    public List<String> existingThings(Collection<String> thingNames) {
        return store.existingThings(thingNames);
    }

    @Override
    public Optional<ThingRecord> findThing(String thingName) {
        return store.findThing(thingName);
    }

    @Override
    public Optional<ThingGroupRecord> findThingGroup(String thingGroupName) {
        return store.findThingGroup(thingGroupName);
    }

    @Override
    public Optional<ThingGroupRecord> findThingGroupById(String thingGroupId) {
        return store.findThingGroupById(thingGroupId);
    }

    @Override
    public List<String> childGroups(String thingGroupName) {
        return store.childGroups(thingGroupName);
    }

    @Override
    public Page<String> thingsInGroups(Collection<String> thingGroupNames, String afterThingName, int limit) {
        return store.thingsInGroups(thingGroupNames, afterThingName, limit);
    }

    @Override
    public List<String> groupsOfThing(String thingName) {
        return store.groupsOfThing(thingName);
    }

    @Override
    public Page<ThingRecord> listThings(ThingFilter filter, String afterThingName, int limit) {
        return store.listThings(filter, afterThingName, limit);
    }

    @Override
    public Page<ThingGroupRecord> listThingGroups(ThingGroupFilter filter, String afterGroupName, int limit) {
        return store.listThingGroups(filter, afterGroupName, limit);
    }

    @Override
    public Optional<JobTemplateRecord> findJobTemplate(String jobTemplateId) {
        return store.findJobTemplate(jobTemplateId);
    }

    @Override
    public Page<JobTemplateRecord> listJobTemplates(JobTemplateListKey after, int limit) {
        return store.listJobTemplates(after, limit);
    }

    @Override
    public List<JobRecord> continuousJobsTargeting(Collection<String> targetArns) {
        return store.continuousJobsTargeting(targetArns);
    }

    @Override
    public java.util.Map<String, Long> groupMembershipRevisions(Collection<String> thingGroupNames) {
        return store.groupMembershipRevisions(thingGroupNames);
    }

    @Override
    public java.util.Map<String, Long> groupTargetingRevisions(Collection<String> thingGroupNames) {
        return store.groupTargetingRevisions(thingGroupNames);
    }

    @Override
    public long thingMembershipRevision(String thingName) {
        return store.thingMembershipRevision(thingName);
    }

    @Override
    public List<StoredEvent> eventsAfter(long sequence, int limit) {
        return store.eventsAfter(sequence, limit);
    }

    @Override
    public void deleteEventsThrough(long sequence) {
        store.deleteEventsThrough(sequence);
    }

    @Override
    public java.util.OptionalLong eventsDroppedThrough() {
        return store.eventsDroppedThrough();
    }

    @Override
    public boolean acquireEventRelay(String owner, Instant now, Instant until) {
        return store.acquireEventRelay(owner, now, until);
    }
}
