package dev.iotjobs.store.memory;

import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.ThingEvent;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.Changeset.Membership;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.CommitResult;
import dev.iotjobs.spi.ExecutionKey;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobAndExecution;
import dev.iotjobs.spi.JobCompletion;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobFilter;
import dev.iotjobs.spi.JobListKey;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.JobTemplateListKey;
import dev.iotjobs.spi.JobTemplateRecord;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.StatusCounts;
import dev.iotjobs.spi.StoredEvent;
import dev.iotjobs.spi.ThingExecutionsKey;
import dev.iotjobs.spi.ThingFilter;
import dev.iotjobs.spi.ThingGroupFilter;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingNotice;
import dev.iotjobs.spi.ThingRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link JobRepository} that keeps everything in memory: for tests, for an engine embedded in a single node,
 * and as the baseline of benchmarks. Nothing is durable: the state and the undelivered events are gone with the
 * JVM, and several engine nodes cannot share one instance across processes.
 *
 * <p>It behaves like a database whose transactions are atomic and isolated, and commits on different things proceed
 * in parallel, also on one job. Every {@link #commit} first checks every compare-and-set of the changeset and throws
 * {@link dev.iotjobs.spi.StaleStateException} before changing anything if one fails, then applies it in the order
 * {@link Changeset} gives and appends its events with the next sequence numbers, then the events of its thing
 * notices, each from the thing's queue as the commit left it. A device's commit (a {@link DeviceCommit}: it only
 * updates pending executions of one job, moves its counters without raising its pending count and maybe completes
 * it) holds its things exclusively and the rest of the store shared; its counter delta, its completion and the
 * numbering of its events happen under its job's lock, so counters stay exact and a job completes once (SPEC X1,
 * J8, J9), and events follow the commit order per job and per thing (E2). Every other commit runs alone, as all
 * commits did before. See {@link CommitLocks}.
 *
 * <p>Each query sees only whole commits: a query of one thing's executions waits for the commits writing that
 * thing; the listings and due queries, which read across jobs and things, run alone; a job's record is replaced
 * whole, its counters with the delta and completion of one commit at a time. {@link #eventsAfter} sees a commit's
 * events all at once, and never a sequence number past one still to be stored. Two device commits on different
 * things of one job commute (they add to the same counters and touch nothing else in common), so two queries in a
 * row may see them in either order. Every query walks a sorted index (per job, per thing, per status, per target,
 * by deadline...), never the whole store.
 *
 * <p>Records are immutable and shared, not copied. A record that lacks a member the store sorts by (a job's id,
 * {@code createdAt} or status; an execution's job, thing, status or {@code queuedAt}) is rejected with
 * {@link IllegalArgumentException}, also before anything is applied.
 */
public final class InMemoryJobRepository implements JobRepository {
    private String relayOwner;
    private Instant relayUntil;
    private final CommitLocks locks = new CommitLocks();
    private final JobTable jobs = new JobTable();
    private final ExecutionTable executions = new ExecutionTable();
    private final Registry registry = new Registry();
    private final EventLog events = new EventLog();
    private final RolloutTable rollouts = new RolloutTable();
    private final TemplateTable templates = new TemplateTable();
    private final Map<String, Long> groupRevisions = new java.util.HashMap<>();
    private final Map<String, Long> targetingRevisions = new java.util.HashMap<>();
    private final Map<String, Long> thingRevisions = new java.util.HashMap<>();
    private final ChangesetCheck check = new ChangesetCheck(jobs, executions, registry, rollouts, templates);

    /** Creates an empty repository. */
    public InMemoryJobRepository() {
    }

    @Override
    public Optional<JobRecord> findJob(String jobId) {
        return read(() -> Optional.ofNullable(jobs.get(jobId)));
    }

    @Override
    public Optional<ExecutionRecord> findExecution(String jobId, String thingName, Long executionNumber) {
        return readThing(thingName, () -> Optional.ofNullable(executionNumber == null
                ? executions.latest(jobId, thingName)
                : executions.get(new ExecutionKey(jobId, thingName, executionNumber))));
    }

    @Override
    public List<ExecutionRecord> pendingExecutions(String thingName, int limit) {
        return readThing(thingName, () -> executions.pending(thingName, this::jobNotBeingDeleted, limit));
    }

    /** The job and the thing's latest execution under one hold of the thing's stripe. */
    @Override
    public Optional<JobAndExecution> findJobAndExecution(String jobId, String thingName) {
        return readThing(thingName, () -> Optional.ofNullable(jobs.get(jobId))
                .map(job -> new JobAndExecution(job, executions.latest(jobId, thingName))));
    }

    /** The head of the queue and its job under one hold of the thing's stripe. */
    @Override
    public Optional<JobAndExecution> headOfQueue(String thingName) {
        return readThing(thingName, () -> executions.pending(thingName, this::jobNotBeingDeleted, 1).stream()
                .findFirst()
                .flatMap(head -> Optional.ofNullable(jobs.get(head.jobId()))
                        .map(job -> new JobAndExecution(job, head))));
    }

    @Override
    public Page<JobRecord> listJobs(JobFilter filter, JobListKey after, int limit) {
        JobFilter given = filter == null ? JobFilter.ALL : filter;
        return readAlone(() -> jobs.list(given, after, limit));
    }

    @Override
    public Page<ExecutionRecord> listExecutionsForJob(String jobId, JobExecutionStatus status,
                                                      JobExecutionsKey after, int limit) {
        return readAlone(() -> executions.listForJob(jobId, status, after, limit));
    }

    @Override
    public Page<ExecutionRecord> listExecutionsForThing(String thingName, JobExecutionStatus status, String jobId,
                                                        ThingExecutionsKey after, int limit) {
        return readThing(thingName, () -> executions.listForThing(thingName, status, jobId, after, limit));
    }

    @Override
    public List<ExecutionRecord> executionsDueBy(Instant now, int limit) {
        return readAlone(() -> executions.dueBy(now, limit));
    }

    @Override
    public List<JobRecord> jobsDueBy(Instant now, int limit) {
        return readAlone(() -> jobs.dueBy(now, limit));
    }

    @Override
    public List<RolloutTarget> rolloutTargets(String jobId, int limit) {
        return read(() -> rollouts.first(jobId, limit));
    }

    @Override
    public List<RolloutTarget> rolloutTargets(String jobId, Collection<String> thingNames) {
        return read(() -> rollouts.find(jobId, thingNames));
    }

    @Override
    public Optional<ThingRecord> findThing(String thingName) {
        return read(() -> Optional.ofNullable(registry.thing(thingName)));
    }

    @Override
    public List<String> existingThings(Collection<String> thingNames) {
        return read(() -> new TreeSet<>(thingNames).stream().filter(name -> registry.thing(name) != null).toList());
    }

    @Override
    public Optional<ThingGroupRecord> findThingGroup(String thingGroupName) {
        return read(() -> Optional.ofNullable(registry.group(thingGroupName)));
    }

    @Override
    public Optional<ThingGroupRecord> findThingGroupById(String thingGroupId) {
        return read(() -> Optional.ofNullable(registry.groupById(thingGroupId)));
    }

    @Override
    public List<String> childGroups(String thingGroupName) {
        return read(() -> registry.childGroups(thingGroupName));
    }

    @Override
    public Page<String> thingsInGroups(Collection<String> thingGroupNames, String afterThingName, int limit) {
        return read(() -> registry.thingsInGroups(thingGroupNames, afterThingName, limit));
    }

    @Override
    public List<String> groupsOfThing(String thingName) {
        return read(() -> registry.groupsOfThing(thingName));
    }

    @Override
    public Page<ThingRecord> listThings(ThingFilter filter, String afterThingName, int limit) {
        Objects.requireNonNull(filter, "filter");
        return read(() -> registry.listThings(filter, afterThingName, limit));
    }

    @Override
    public Page<ThingGroupRecord> listThingGroups(ThingGroupFilter filter, String afterGroupName, int limit) {
        Objects.requireNonNull(filter, "filter");
        return read(() -> registry.listThingGroups(filter, afterGroupName, limit));
    }

    @Override
    public Optional<JobTemplateRecord> findJobTemplate(String jobTemplateId) {
        return read(() -> Optional.ofNullable(templates.get(jobTemplateId)));
    }

    @Override
    public Page<JobTemplateRecord> listJobTemplates(JobTemplateListKey after, int limit) {
        return read(() -> templates.list(after, limit));
    }

    @Override
    public List<JobRecord> continuousJobsTargeting(Collection<String> targetArns) {
        return readAlone(() -> jobs.continuousTargeting(targetArns));
    }

    @Override
    public Map<String, Long> groupMembershipRevisions(Collection<String> thingGroupNames) {
        return read(() -> revisionsOf(groupRevisions, thingGroupNames));
    }

    @Override
    public Map<String, Long> groupTargetingRevisions(Collection<String> thingGroupNames) {
        return read(() -> revisionsOf(targetingRevisions, thingGroupNames));
    }

    /** @return each name's revision in {@code stored}, 0 for one never counted, in the order given */
    private static Map<String, Long> revisionsOf(Map<String, Long> stored, Collection<String> names) {
        Map<String, Long> revisions = new java.util.LinkedHashMap<>();
        names.forEach(name -> revisions.put(name, stored.getOrDefault(name, 0L)));
        return revisions;
    }

    @Override
    public long thingMembershipRevision(String thingName) {
        return read(() -> thingRevisions.getOrDefault(thingName, 0L));
    }

    @Override
    public CommitResult commit(Changeset changes) {
        Objects.requireNonNull(changes, "changes");
        DeviceCommit device = DeviceCommit.of(changes);
        if (device != null) {
            CommitResult result = commitBesideOthers(changes, device);
            if (result != null) {
                return result;
            }
        }
        int gate = locks.closeGate();
        try {
            return commitAlone(changes);
        } finally {
            locks.release(gate);
        }
    }

    /**
     * A device commit beside others: its things held exclusively, counters, completion and event numbers under its
     * job's lock.
     *
     * @return the result, or null when it must commit alone after all (it updates an execution that is not pending,
     *     so its job might complete under it)
     */
    private CommitResult commitBesideOthers(Changeset changes, DeviceCommit device) {
        int gate = locks.shareGate();
        try {
            int[] stripes = locks.lockThings(device.thingNames());
            try {
                if (!check.checkDevice(changes)) {
                    return null;
                }
                List<ExecutionRecord> updates = changes.executionUpdates();
                for (int i = 0; i < updates.size(); i++) {
                    executions.put(updates.get(i));
                }
                // The job of a pending execution neither completes nor changes revision meanwhile: commits that
                // write the job run alone, and it cannot drain before this commit's own delta.
                List<ThingEvent> noticeEvents = noticeEvents(changes);
                ReentrantLock job = locks.jobLock(device.jobId());
                job.lock();
                try {
                    applyCounterDeltas(changes.counterDeltas());
                    return completeAndAppend(changes, noticeEvents);
                } finally {
                    job.unlock();
                }
            } finally {
                locks.unlockThings(stripes);
            }
        } finally {
            locks.release(gate);
        }
    }

    private CommitResult commitAlone(Changeset changes) {
        checkMembershipRevisions(changes);
        check.check(changes);
        changes.groupMembershipChecks().forEach(c -> {
            groupRevisions.merge(c.key(), 1L, Long::sum);
            targetingRevisions.merge(c.key(), 1L, Long::sum);
        });
        changes.groupMembershipMoves().forEach(c -> groupRevisions.merge(c.key(), 1L, Long::sum));
        changes.thingMembershipChecks().forEach(c -> thingRevisions.merge(c.key(), 1L, Long::sum));
        applyRegistryWrites(changes);
        changes.templateInserts().forEach(templates::put);
        changes.templateDeletes().forEach(templates::remove);
        applyJobWrites(changes);
        applyCounterDeltas(changes.counterDeltas());
        changes.rolloutDeletes().forEach(target -> rollouts.remove(target.jobId(), target.thingName()));
        changes.rolloutInserts().forEach(rollouts::put);
        applyExecutionWrites(changes);
        for (Versioned<String> delete : changes.jobDeletes()) {
            jobs.remove(delete.key());
            rollouts.removeJob(delete.key());
        }
        return completeAndAppend(changes, noticeEvents(changes));
    }

    /** Fires the completions, then appends the changeset's events, the completions' and the notices', in order. */
    private CommitResult completeAndAppend(Changeset changes, List<ThingEvent> noticeEvents) {
        if (changes.completions().isEmpty() && noticeEvents.isEmpty()) {
            return new CommitResult(events.appendAll(changes.events()), Set.of());
        }
        List<JobEvent> completionEvents = new ArrayList<>(changes.completions().size());
        Set<String> completed = applyCompletions(changes.completions(), completionEvents);
        if (completionEvents.isEmpty() && noticeEvents.isEmpty()) {
            return new CommitResult(events.appendAll(changes.events()), completed);
        }
        List<EngineEvent> all = new ArrayList<>(changes.events().size() + completionEvents.size()
                + noticeEvents.size());
        all.addAll(changes.events());
        all.addAll(completionEvents);
        all.addAll(noticeEvents);
        return new CommitResult(events.appendAll(all), completed);
    }

    /** SPEC E4: the events of the changeset's thing notices, each from the thing's queue as the commit left it. */
    private List<ThingEvent> noticeEvents(Changeset changes) {
        if (changes.thingNotices().isEmpty()) {
            return List.of();
        }
        List<ThingEvent> noticed = new ArrayList<>();
        for (ThingNotice notice : changes.thingNotices()) {
            List<ExecutionRecord> queue = executions.pending(notice.thingName(), this::jobNotBeingDeleted,
                    notice.queueLimit());
            noticed.addAll(notice.eventsFor(queue));
        }
        return noticed;
    }

    @Override
    public List<StoredEvent> eventsAfter(long sequence, int limit) {
        // No lock: the log publishes each commit's events at once, behind a watermark.
        return events.after(sequence, limit);
    }

    @Override
    public void deleteEventsThrough(long sequence) {
        events.deleteThrough(sequence);
    }

    @Override
    public OptionalLong eventsDroppedThrough() {
        return OptionalLong.of(events.droppedThrough());
    }

    @Override
    public synchronized boolean acquireEventRelay(String owner, Instant now, Instant until) {
        if (relayOwner == null || relayOwner.equals(owner) || !relayUntil.isAfter(now)) {
            relayOwner = owner;
            relayUntil = until;
            return true;
        }
        return false;
    }

    /**
     * SPEC G2, G3: each membership revision check expects the revision, raised by the earlier checks of the set; each
     * move of a group's membership expects its targeting revision, raised by the set's checks of that group.
     */
    private void checkMembershipRevisions(Changeset changes) {
        expectRevisions(changes.groupMembershipChecks(), groupRevisions, "thing group");
        expectRevisions(changes.thingMembershipChecks(), thingRevisions, "thing");
        for (Versioned<String> move : changes.groupMembershipMoves()) {
            long raised = changes.groupMembershipChecks().stream().filter(c -> c.key().equals(move.key())).count();
            long actual = targetingRevisions.getOrDefault(move.key(), 0L) + raised;
            if (actual != move.expected()) {
                throw new dev.iotjobs.spi.StaleStateException("thing group " + move.key()
                        + " is at targeting revision " + actual + ", expected " + move.expected());
            }
        }
    }

    private static void expectRevisions(List<Versioned<String>> checks, Map<String, Long> stored, String what) {
        Map<String, Long> staged = new java.util.HashMap<>();
        for (Versioned<String> check : checks) {
            long actual = staged.containsKey(check.key()) ? staged.get(check.key())
                    : stored.getOrDefault(check.key(), 0L);
            if (actual != check.expected()) {
                throw new dev.iotjobs.spi.StaleStateException(what + " " + check.key() + " is at membership revision "
                        + actual + ", expected " + check.expected());
            }
            staged.put(check.key(), actual + 1);
        }
    }

    private void applyRegistryWrites(Changeset changes) {
        changes.thingInserts().forEach(registry::putThing);
        changes.thingDeletes().forEach(delete -> registry.removeThing(delete.key()));
        changes.groupInserts().forEach(registry::putGroup);
        changes.groupDeletes().forEach(delete -> registry.removeGroup(delete.key()));
        for (Membership membership : changes.membershipAdds()) {
            registry.addMembership(membership.thingGroupName(), membership.thingName());
        }
        for (Membership membership : changes.membershipRemoves()) {
            registry.removeMembership(membership.thingGroupName(), membership.thingName());
        }
    }

    private void applyJobWrites(Changeset changes) {
        for (JobRecord job : changes.jobInserts()) {
            jobs.put(stored(job, job.counts()));
        }
        for (JobRecord job : changes.jobUpdates()) {
            // The counts move only by deltas: the record's counts are as its writer read them, maybe stale.
            jobs.put(stored(job, jobs.get(job.jobId()).counts()));
        }
    }

    private void applyExecutionWrites(Changeset changes) {
        changes.executionInserts().forEach(executions::put);
        changes.executionUpdates().forEach(executions::put);
        for (Versioned<ExecutionKey> delete : changes.executionDeletes()) {
            executions.remove(delete.key());
        }
    }

    private void applyCounterDeltas(Map<String, StatusCounts> deltas) {
        deltas.forEach((jobId, delta) -> {
            JobRecord job = jobs.get(jobId);
            jobs.put(job.withCounts(job.counts().plus(delta)));
        });
    }

    /** SPEC J8/J9: the completions that find their job drained turn it COMPLETED, once. */
    private Set<String> applyCompletions(List<JobCompletion> completions, List<JobEvent> completionEvents) {
        Set<String> completed = null; // most commits complete nothing: no set for them
        for (JobCompletion completion : completions) {
            JobRecord record = jobs.get(completion.jobId());
            if (record == null || !isDrainedSnapshotInProgress(record)) {
                continue;
            }
            Job done = record.job().toBuilder()
                    .status(JobStatus.COMPLETED)
                    .completedAt(completion.at())
                    .lastUpdatedAt(completion.at())
                    .build();
            jobs.put(new JobRecord(done, record.document(), record.documentSource(), record.tags(), record.counts(),
                    record.revision() + 1, record.dueAt(), record.rollout(), record.documentBeforeSubstitution(),
                    record.expansion()));
            if (completed == null) {
                completed = new LinkedHashSet<>();
            }
            completed.add(record.jobId());
            if (completion.event() != null) {
                completionEvents.add(completion.event());
            }
        }
        return completed == null ? Set.of() : completed;
    }

    private static boolean isDrainedSnapshotInProgress(JobRecord record) {
        return record.job().status() == JobStatus.IN_PROGRESS
                && record.job().targetSelection() == TargetSelection.SNAPSHOT
                && record.counts().pending() == 0
                && !record.holdsTargets();
    }

    private boolean jobNotBeingDeleted(ExecutionRecord execution) {
        JobRecord job = jobs.get(execution.jobId());
        return job != null && job.job().status() != JobStatus.DELETION_IN_PROGRESS;
    }

    /** The record as stored: the given counts, and without {@code jobProcessDetails}, which the engine derives. */
    private static JobRecord stored(JobRecord record, StatusCounts counts) {
        Job job = record.job().jobProcessDetails() == null ? record.job()
                : record.job().toBuilder().jobProcessDetails(null).build();
        return new JobRecord(job, record.document(), record.documentSource(), record.tags(), counts,
                record.revision(), record.dueAt(), record.rollout(), record.documentBeforeSubstitution(),
                record.expansion());
    }


    /** A query that sees whole commits: beside device commits, which it never sees in part. */
    private <T> T read(Supplier<T> query) {
        int gate = locks.shareGate();
        try {
            return query.get();
        } finally {
            locks.release(gate);
        }
    }

    /** A query of one thing's executions: it waits for the device commits writing that thing. */
    private <T> T readThing(String thingName, Supplier<T> query) {
        if (thingName == null) {
            return read(query); // the query answers as it would for any other name it does not know
        }
        int gate = locks.shareGate();
        try {
            long thing = locks.readThing(thingName);
            try {
                return query.get();
            } finally {
                locks.releaseThing(thingName, thing);
            }
        } finally {
            locks.release(gate);
        }
    }

    /** A query across jobs or things: it runs alone, so that it sees no commit in part. */
    private <T> T readAlone(Supplier<T> query) {
        int gate = locks.closeGate();
        try {
            return query.get();
        } finally {
            locks.release(gate);
        }
    }
}
