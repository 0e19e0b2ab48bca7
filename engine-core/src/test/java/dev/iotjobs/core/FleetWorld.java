package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobExecutionRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.DescribeJobTemplateRequest;
import dev.iotjobs.api.control.DescribeJobTemplateResponse;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobResponse;
import dev.iotjobs.api.control.ListJobTemplatesRequest;
import dev.iotjobs.api.control.ListJobTemplatesResponse;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.control.ListJobsResponse;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.event.JobCreated;
import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.event.ThingEvent;
import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.spi.ExecutionRecord;
import java.util.HashSet;
import java.util.Set;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.core.rules.Counters;
import dev.iotjobs.core.rules.MembershipRules;
import dev.iotjobs.core.rules.Retries;
import dev.iotjobs.core.rules.Statuses;
import dev.iotjobs.core.rules.Views;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.StatusCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A small fleet behind an engine, for stateful properties: six things, three groups (one nested), a clock that
 * moves one second per operation, and a snapshot of every job and execution as the control plane shows them,
 * taken after each operation to check the invariants against the one before.
 */
public final class FleetWorld {
    /** The things of the fleet. */
    public static final List<String> THINGS = List.of("t0", "t1", "t2", "t3", "t4", "t5");
    /** The groups: g0 {t0, t1}, g1 child of g0 {t2}, g2 {t3}. */
    public static final List<String> GROUPS = List.of("g0", "g1", "g2");
    /** The job ids operations draw from, so that they collide. */
    public static final List<String> JOB_IDS = List.of("j0", "j1", "j2", "j3");
    /** The custom job template ids operations draw from, so that they collide (SPEC J14). */
    public static final List<String> TEMPLATE_IDS = List.of("tp0", "tp1");
    /** The engine's batch size (SPEC C4): smaller than most jobs of the fleet. */
    static final int BATCH_SIZE = 2;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final JobsEngine engine;
    private final List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<ThingEvent> thingEvents = Collections.synchronizedList(new ArrayList<>());
    private Snapshot last;
    private boolean lastRejected;
    /** Whether a timer was due when the last operation began: any operation may apply it (SPEC T3). */
    private boolean timerWasDue;
    private final JobRepository repository;
    private final List<String> log = new ArrayList<>();
    /** A second fleet on another store that every operation also runs on, for differential properties. */
    private final FleetWorld twin;

    /** A view of everything the control plane shows. */
    record Snapshot(Map<String, Job> jobs, Map<String, JobExecution> executions,
                    Map<String, DescribeJobTemplateResponse> templates, int events) {
    }

    FleetWorld(JobRepository repository) {
        this(repository, null);
    }

    private FleetWorld(JobRepository repository, FleetWorld twin) {
        this.twin = twin;
        this.repository = repository;
        // SPEC C4: batches of two, so that cancels and cascades of the small fleet's jobs run batch by batch too.
        engine = JobsEngine.builder().repository(repository).clock(clock).batchSize(BATCH_SIZE)
                .presignedUrlSigner((url, role, expiresIn) -> url + "?X-Amz-Signature=fleet").build();
        engine.events().subscribe(EventSinks.jobEventsInto(events));
        engine.events().subscribe(EventSinks.thingEventsInto(thingEvents));
        for (String thing : THINGS) {
            engine.things().createThing(CreateThingRequest.builder().thingName(thing).build());
        }
        group("g0", null, "t0", "t1");
        group("g1", "g0", "t2");
        group("g2", null, "t3");
        last = snapshot();
    }

    private void group(String name, String parent, String... things) {
        engine.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName(name)
                .parentGroupName(parent).build());
        for (String thing : things) {
            engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName(name)
                    .thingName(thing).build());
        }
    }

    /**
     * A fleet on {@code store} whose every operation also runs on an identical fleet on {@code twin}: responses,
     * errors and every snapshot must be the same on both (generated ids aside).
     *
     * @param store the store under test
     * @param twin the reference store
     * @return the fleet
     */
    public static FleetWorld twins(JobRepository store, JobRepository twin) {
        return new FleetWorld(store, new FleetWorld(twin, null));
    }

    /**
     * Runs one operation; an expected rejection ({@link JobsException}) is recorded, anything else fails.
     *
     * @param description what the operation is, for the log
     * @param operation the operation, answering its response
     */
    void apply(String description, Function<JobsEngine, Object> operation) {
        String outcome = run(description, operation);
        if (twin != null) {
            assertThat(outcome).as("outcome of %s on both stores", description)
                    .isEqualTo(twin.run(description, operation));
        }
    }

    /**
     * Lets time pass (on the twin too): deadlines may pass, and the next reads must apply them (SPEC T3).
     *
     * @param duration how long
     */
    void advanceClock(Duration duration) {
        clock.advance(duration);
        lastRejected = false;
        log.add("advance " + duration);
        if (twin != null) {
            twin.advanceClock(duration);
        }
    }

    private String run(String description, Function<JobsEngine, Object> operation) {
        clock.advance(Duration.ofSeconds(1));
        timerWasDue = !repository.executionsDueBy(clock.instant(), 1).isEmpty();
        String outcome;
        try {
            outcome = String.valueOf(operation.apply(engine));
            lastRejected = false;
            log.add(description);
        } catch (JobsException e) {
            outcome = e.errorCode() + ": " + e.getMessage();
            lastRejected = true;
            log.add(description + " -> " + e.errorCode());
        }
        // Thing and group ids are random UUIDs: equal outcomes may differ there.
        return UUID_PATTERN.matcher(outcome).replaceAll("<uuid>");
    }

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Checks every invariant against the snapshot before the last operation. */
    void checkInvariants() {
        Snapshot now = snapshot();
        if (twin != null) {
            twin.checkInvariants();
            assertThat(now).as("the two stores after %s", lastLog()).isEqualTo(twin.last);
            synchronized (thingEvents) {
                assertThat(thingEvents).as("device notifications of the two stores after %s", lastLog())
                        .isEqualTo(twin.thingEvents);
            }
        }
        checkNotifications(now);
        if (lastRejected && !timerWasDue) {
            // SPEC V2: a rejected operation changes nothing and emits nothing (beyond timeouts that were due).
            assertThat(now).as("rejected operation changed state: %s", lastLog()).isEqualTo(last);
        }
        for (Job job : now.jobs().values()) {
            // SPEC E3: the counters are the fold of the job's events since its (latest) creation.
            List<String> processing = job.jobProcessDetails().processingTargets();
            assertThat(Views.processDetails(Counters.fold(eventsSinceCreation(job.jobId())), processing))
                    .as("fold of the events of %s after %s", job.jobId(), lastLog())
                    .isEqualTo(job.jobProcessDetails());
            StatusCounts counted = StatusCounts.ZERO;
            for (JobExecution execution : now.executions().values()) {
                if (execution.jobId().equals(job.jobId())) {
                    counted = counted.plus(execution.status(), 1);
                }
            }
            // SPEC X1: counters equal the statuses of the job's existing executions.
            assertThat(job.jobProcessDetails()).as("counters of %s after %s", job.jobId(), lastLog())
                    .isEqualTo(Views.processDetails(counted, processing));
            // SPEC T7/C4: a job is concurrent exactly while some target is still rolling out, its deletion runs or
            // its cancel still takes executions along; a CANCELED job that is not has none left to take.
            if (job.status() == JobStatus.CANCELED) {
                if (!Boolean.TRUE.equals(job.isConcurrent())) {
                    assertThat(counted.queued() + (job.forceCanceled() ? counted.inProgress() : 0))
                            .as("executions %s's cancel left behind after %s", job.jobId(), lastLog()).isZero();
                }
            } else {
                assertThat(Boolean.TRUE.equals(job.isConcurrent())).as("isConcurrent of %s after %s", job.jobId(),
                        lastLog()).isEqualTo(!processing.isEmpty() || job.status() == JobStatus.DELETION_IN_PROGRESS);
            }
            // SPEC J8: a SNAPSHOT job is COMPLETED exactly when nothing is pending and nothing is left to roll out.
            if (job.targetSelection() == TargetSelection.SNAPSHOT
                    && (job.status() == JobStatus.IN_PROGRESS || job.status() == JobStatus.COMPLETED)) {
                assertThat(job.status() == JobStatus.COMPLETED).as("completion of %s after %s", job.jobId(),
                        lastLog()).isEqualTo(counted.pending() == 0 && processing.isEmpty());
            }
            checkRollout(job);
            checkMembersReached(job, now);
            checkRetriesUsed(job.jobId());
        }
        for (Map.Entry<String, JobExecution> entry : now.executions().entrySet()) {
            JobExecution before = last.executions().get(entry.getKey());
            JobExecution after = entry.getValue();
            if (before == null) {
                continue;
            }
            // SPEC X4: the version grows by exactly one with every change, and not without one.
            long expected = before.equals(after) ? before.versionNumber() : before.versionNumber() + 1;
            assertThat(after.versionNumber()).as("version of %s after %s", entry.getKey(), lastLog())
                    .isEqualTo(expected);
            // SPEC X3: terminal stays terminal.
            if (Statuses.isTerminal(before.status())) {
                assertThat(after.status()).as("terminal %s after %s", entry.getKey(), lastLog())
                        .isEqualTo(before.status());
            }
        }
        last = now;
    }

    /**
     * SPEC E4: replaying a thing's notifications gives its queue: the last notify lists its pending set, the last
     * notify-next names its head. Executions of a job in DELETION_IN_PROGRESS leave the queue at once but are
     * notified as the deletion removes them (a decision), so they are left out of the notified set.
     */
    private void checkNotifications(Snapshot now) {
        Set<String> deleting = new HashSet<>();
        now.jobs().values().stream().filter(job -> job.status() == JobStatus.DELETION_IN_PROGRESS)
                .forEach(job -> deleting.add(job.jobId()));
        for (String thing : THINGS) {
            List<ExecutionRecord> queue = repository.pendingExecutions(thing, 10);
            PendingJobExecutionsChanged notify = null;
            NextJobExecutionChanged notifyNext = null;
            synchronized (thingEvents) {
                for (ThingEvent event : thingEvents) {
                    if (!event.thingName().equals(thing)) {
                        continue;
                    }
                    if (event instanceof PendingJobExecutionsChanged pending) {
                        notify = pending;
                    } else if (event instanceof NextJobExecutionChanged next) {
                        notifyNext = next;
                    }
                }
            }
            List<JobExecutionSummary> notified = new ArrayList<>();
            if (notify != null) {
                notified.addAll(notify.inProgressJobs());
                notified.addAll(notify.queuedJobs());
            }
            notified.removeIf(summary -> deleting.contains(summary.jobId()));
            // A start or a progress report is not notified (E4): the set is, not each member's status or version.
            assertThat(notified.stream().map(s -> s.jobId() + "#" + s.executionNumber()).toList())
                    .as("notified pending set of %s after %s", thing, lastLog())
                    .containsExactlyInAnyOrderElementsOf(queue.stream()
                            .map(e -> e.jobId() + "#" + e.executionNumber()).toList());
            JobExecution head = notifyNext == null ? null : notifyNext.execution();
            if (head != null && deleting.contains(head.jobId())) {
                continue;
            }
            assertThat(head == null ? null : head.jobId() + "#" + head.executionNumber())
                    .as("notified head of %s after %s", thing, lastLog())
                    .isEqualTo(queue.isEmpty() ? null : queue.get(0).jobId() + "#" + queue.get(0).executionNumber());
        }
    }

    /**
     * SPEC G2, G3: every member of a target group (or of a descendant) of an IN_PROGRESS CONTINUOUS job has an
     * execution of it whose latest is not REMOVED, or is held back by its rollout, unless one of its executions of the
     * job was deleted (DeleteJobExecution: nothing brings it back).
     */
    private void checkMembersReached(Job job, Snapshot now) {
        if (job.targetSelection() != TargetSelection.CONTINUOUS || job.status() != JobStatus.IN_PROGRESS) {
            return;
        }
        java.util.Set<String> members = new java.util.TreeSet<>();
        for (String target : job.targets()) {
            int slash = target.lastIndexOf('/');
            if (target.contains(":thinggroup/")) {
                members.addAll(engine.things().listThingsInThingGroup(
                        dev.iotjobs.api.control.ListThingsInThingGroupRequest.builder()
                                .thingGroupName(target.substring(slash + 1)).recursive(true).maxResults(250).build())
                        .things());
            }
        }
        java.util.Set<String> deleted = new java.util.HashSet<>();
        for (JobEvent event : eventsSinceCreation(job.jobId())) {
            if (event instanceof dev.iotjobs.api.event.JobExecutionDeleted gone) {
                deleted.add(gone.thingName());
            }
        }
        // SPEC C4: members past an owed expansion's place are still to be reached.
        dev.iotjobs.spi.TargetExpansion owed = repository.findJob(job.jobId()).orElseThrow().expansion();
        for (String thing : members) {
            if (deleted.contains(thing) || !repository.rolloutTargets(job.jobId(), List.of(thing)).isEmpty()
                    || owed != null && (owed.afterThing() == null || thing.compareTo(owed.afterThing()) > 0)) {
                continue;
            }
            JobExecution latest = null;
            for (JobExecution execution : now.executions().values()) {
                if (execution.jobId().equals(job.jobId()) && execution.thingName().equals(thing)
                        && (latest == null || execution.executionNumber() > latest.executionNumber())) {
                    latest = execution;
                }
            }
            assertThat(latest).as("execution of %s on member %s after %s", job.jobId(), thing, lastLog())
                    .isNotNull();
            assertThat(latest.status()).as("latest execution of %s on member %s after %s", job.jobId(), thing,
                    lastLog()).isNotEqualTo(JobExecutionStatus.REMOVED);
        }
    }

    /**
     * SPEC T7: no 60-second span holds more first executions of a job than its maximum rate, and targets roll out
     * in thing-name order (these sequences never add targets to a job).
     */
    private void checkRollout(Job job) {
        if (job.jobExecutionsRolloutConfig() == null) {
            return;
        }
        Integer maximum = job.jobExecutionsRolloutConfig().maximumPerMinute();
        int cap = maximum == null ? 1000 : maximum;
        List<JobExecutionCreated> rolledOut = eventsSinceCreation(job.jobId()).stream()
                .filter(e -> e instanceof JobExecutionCreated created && created.executionNumber() == 1)
                .map(JobExecutionCreated.class::cast).toList();
        List<Instant> times = rolledOut.stream().map(JobEvent::occurredAt).sorted().toList();
        for (int first = 0; first < times.size(); first++) {
            Instant end = times.get(first).plusSeconds(60);
            long inSpan = times.stream().skip(first).takeWhile(at -> at.isBefore(end)).count();
            assertThat(inSpan).as("executions of %s rolled out in the minute from %s after %s", job.jobId(),
                    times.get(first), lastLog()).isLessThanOrEqualTo(cap);
        }
        if (job.targetSelection() == TargetSelection.CONTINUOUS) {
            return;   // joins hold things back after others rolled out (SPEC G2): the order is per window only
        }
        List<String> things = rolledOut.stream().map(JobExecutionCreated::thingName).toList();
        assertThat(things).as("order in which %s rolled out after %s", job.jobId(), lastLog()).isSorted();
    }

    /**
     * SPEC T5, G7: every execution carries the retries its chain used, one per earlier attempt of the chain
     * ({@code retryAttempt} of them), and while the chain's earlier executions all exist (none deleted), exactly as
     * many of each type as ended so.
     */
    private void checkRetriesUsed(String jobId) {
        List<ExecutionRecord> all = repository.listExecutionsForJob(jobId, null, null, 1000).items();
        Set<String> keys = new HashSet<>();
        all.forEach(e -> keys.add(e.thingName() + "#" + e.executionNumber()));
        for (ExecutionRecord e : all) {
            assertThat(e.retriesUsed()).as("retries used of %s after %s", e.key(), lastLog()).isNotNull();
            assertThat(e.retriesUsed().failed() + e.retriesUsed().timedOut())
                    .as("retries used of %s after %s", e.key(), lastLog()).isEqualTo(e.retryAttempt());
            long from = MembershipRules.chainStart(e);
            boolean wholeChain = true;
            for (long n = from; n < e.executionNumber(); n++) {
                wholeChain &= keys.contains(e.thingName() + "#" + n);
            }
            if (wholeChain) {
                assertThat(e.retriesUsed()).as("retries used of %s after %s", e.key(), lastLog())
                        .isEqualTo(Retries.used(e, all));
            }
        }
    }

    private List<JobEvent> eventsSinceCreation(String jobId) {
        List<JobEvent> ofJob = new ArrayList<>();
        synchronized (events) {
            for (JobEvent event : events) {
                if (event.jobId().equals(jobId)) {
                    if (event instanceof JobCreated) {
                        ofJob.clear();
                    }
                    ofJob.add(event);
                }
            }
        }
        return ofJob;
    }

    private String lastLog() {
        return log.isEmpty() ? "(start)" : log.get(log.size() - 1);
    }

    /** @return everything the control plane shows now, and how many events were emitted so far */
    Snapshot snapshot() {
        Map<String, Job> jobs = new LinkedHashMap<>();
        String token = null;
        do {
            ListJobsResponse page = engine.controlPlane().listJobs(ListJobsRequest.builder().maxResults(250)
                    .nextToken(token).build());
            page.jobs().forEach(summary -> jobs.put(summary.jobId(), engine.controlPlane()
                    .describeJob(DescribeJobRequest.builder().jobId(summary.jobId()).build()).job()));
            token = page.nextToken();
        } while (token != null);
        Map<String, JobExecution> executions = new LinkedHashMap<>();
        for (String jobId : jobs.keySet()) {
            String next = null;
            do {
                ListJobExecutionsForJobResponse page = engine.controlPlane().listJobExecutionsForJob(
                        ListJobExecutionsForJobRequest.builder().jobId(jobId).maxResults(250).nextToken(next).build());
                page.executionSummaries().forEach(s -> {
                    String thing = s.thingArn().substring(s.thingArn().lastIndexOf('/') + 1);
                    long number = s.jobExecutionSummary().executionNumber();
                    JobExecution execution = engine.controlPlane().describeJobExecution(
                            DescribeJobExecutionRequest.builder().jobId(jobId).thingName(thing)
                                    .executionNumber(number).build()).execution();
                    // The countdown moves with the clock, not with changes: leave it out of the comparison.
                    executions.put(jobId + "/" + thing + "#" + number,
                            execution.toBuilder().approximateSecondsBeforeTimedOut(null).build());
                });
                next = page.nextToken();
            } while (next != null);
        }
        // SPEC J14: the custom job templates, as DescribeJobTemplate shows them, in listing order.
        Map<String, DescribeJobTemplateResponse> templates = new LinkedHashMap<>();
        String templatesToken = null;
        do {
            ListJobTemplatesResponse page = engine.controlPlane().listJobTemplates(ListJobTemplatesRequest.builder()
                    .maxResults(250).nextToken(templatesToken).build());
            page.jobTemplates().forEach(summary -> templates.put(summary.jobTemplateId(), engine.controlPlane()
                    .describeJobTemplate(DescribeJobTemplateRequest.builder()
                            .jobTemplateId(summary.jobTemplateId()).build())));
            templatesToken = page.nextToken();
        } while (templatesToken != null);
        return new Snapshot(jobs, executions, templates, events.size());
    }

    /** @return every status a device may try, valid or not */
    static List<JobExecutionStatus> anyStatus() {
        return List.of(JobExecutionStatus.values());
    }

    @Override
    public String toString() {
        return "FleetWorld" + log;
    }
}
