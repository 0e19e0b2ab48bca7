package dev.iotjobs.core;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.model.JobEndBehavior;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.core.rules.CancelSteps;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.ExpansionSteps;
import dev.iotjobs.core.rules.JobRules;
import dev.iotjobs.core.rules.RolloutRules;
import dev.iotjobs.core.rules.RolloutSteps;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutState;
import dev.iotjobs.spi.RolloutTarget;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Applies everything that is due (SPEC T3 timeouts with their T5 retries, J10 deletion and J7 cancel cascades, T7
 * rollout windows, T8 scheduled starts and ends), in bounded batches (C4), until nothing due is left. Every step is a versioned
 * compare-and-set, so several nodes may run it at once (SPEC T9).
 */
final class DueWork {
    private static final int JOB_BATCH = 100;
    /** The reasonCode of a job canceled at its scheduled end (SPEC T8, a decision). */
    static final String SCHEDULED_END = "SCHEDULED_END_TIME_REACHED";

    private final EngineContext ctx;
    private final TargetExpander targets;
    private final Overdue overdue;
    private final Cancellations cancellations;
    private final OwedCompletions owedCompletions;
    private final Expansions expansions;

    DueWork(EngineContext ctx, TargetExpander targets, Overdue overdue, Cancellations cancellations) {
        this.ctx = ctx;
        this.targets = targets;
        this.overdue = overdue;
        this.cancellations = cancellations;
        this.owedCompletions = new OwedCompletions(ctx);
        this.expansions = new Expansions(ctx, targets);
    }

    /** @return the executions it timed out plus the steps it took on jobs */
    int run() {
        int commits = overdue.timeOutAllDue() + owedCompletions.run();
        while (true) {
            List<JobRecord> due = ctx.repository().jobsDueBy(ctx.now(), JOB_BATCH);
            if (due.isEmpty()) {
                return commits;
            }
            for (JobRecord job : due) {
                commits += advance(job.jobId());
            }
        }
    }

    /** Steps one job until it is no longer due; returns the number of steps. */
    private int advance(String jobId) {
        int steps = endIfDue(jobId);
        CancelCursor cursor = new CancelCursor();
        while (true) {
            int[] attempts = {0};
            if (!ctx.commits().run(() -> step(jobId, batchSize(attempts[0]++), cursor))) {
                return steps;
            }
            steps++;
        }
    }

    /**
     * SPEC C4: the most executions one step touches; halved with every stale attempt, so that a batch whose
     * executions devices keep changing meanwhile still commits, in smaller pieces.
     */
    private int batchSize(int staleAttempts) {
        return Math.max(1, ctx.batchSize() >> Math.min(staleAttempts, 30));
    }

    /** SPEC T8: a job that reached its end time with CANCEL or FORCE_CANCEL is canceled as CancelJob would. */
    private int endIfDue(String jobId) {
        Optional<JobRecord> job = ctx.repository().findJob(jobId);
        JobEndBehavior behavior = job.isEmpty() ? null : JobRules.endReached(job.get(), ctx.now());
        if (behavior != JobEndBehavior.CANCEL && behavior != JobEndBehavior.FORCE_CANCEL) {
            return 0;   // STOP_ROLLOUT is a step of its own
        }
        cancellations.cancel(CancelJobRequest.builder().jobId(jobId).reasonCode(SCHEDULED_END)
                .comment("schedulingConfig.endTime " + job.get().job().schedulingConfig().endTime() + " reached")
                .force(behavior == JobEndBehavior.FORCE_CANCEL).build());
        return 1;
    }

    /** One committed step of a due job, touching at most {@code size} executions; answers whether it may be due. */
    private Either<JobsException, Decision<Boolean>> step(String jobId, int size, CancelCursor cursor) {
        Instant now = ctx.now();
        Optional<JobRecord> found = ctx.repository().findJob(jobId);
        if (found.isEmpty() || found.get().dueAt() == null || found.get().dueAt().isAfter(now)) {
            return Either.right(Decision.unchanged(false));
        }
        JobRecord job = found.get();
        if (job.job().status() == JobStatus.CANCELED) {
            return Either.right(cancelStep(job, size, cursor, now));
        }
        if (job.job().status() == JobStatus.DELETION_IN_PROGRESS) {
            List<ExecutionRecord> batch = ctx.repository().listExecutionsForJob(jobId, null, null, size).items();
            List<RolloutTarget> heldBack = batch.isEmpty() ? ctx.repository().rolloutTargets(jobId, size) : List.of();
            return Either.right(new Decision<>(JobRules.deletionStep(job, batch, heldBack, now), true));
        }
        if (job.job().status() == JobStatus.SCHEDULED) {
            // SPEC G2: the things that joined a CONTINUOUS job's groups while it was scheduled are reached now; a
            // join racing this expansion makes one of the two commits stale. SPEC C4: the first batch now, the rest
            // owed to the next steps.
            boolean continuous = job.job().targetSelection() == TargetSelection.CONTINUOUS;
            Map<String, Long> revisions = new HashMap<>();
            List<Integer> all = IntStream.range(0, job.job().targets().size()).boxed().toList();
            TargetExpander.Slice first = targets.slice(job.job().targets(), all, null, size, true,
                    continuous ? revisions : null);
            return Either.right(new Decision<>(JobRules.start(job, first.things(),
                    ExpansionSteps.owed(all, first.last(), first.more()), now).expectingGroupMemberships(revisions),
                    true));
        }
        Instant end = JobRules.endTime(job.job());
        if (job.job().status() == JobStatus.IN_PROGRESS
                && JobRules.endReached(job, now) == JobEndBehavior.STOP_ROLLOUT) {
            List<RolloutTarget> batch = job.heldBack() > 0 ? ctx.repository().rolloutTargets(jobId, size) : List.of();
            return Either.right(new Decision<>(RolloutSteps.stop(job, batch, now), true));
        }
        Instant futureEnd = end != null && end.isAfter(now) ? end : null;
        if (job.job().status() == JobStatus.IN_PROGRESS && ExpansionSteps.isUnderWay(job)) {
            return Either.right(new Decision<>(expansions.step(job, size, futureEnd, now), true));
        }
        if (job.job().status() == JobStatus.IN_PROGRESS && job.heldBack() > 0) {
            RolloutState opened = RolloutRules.open(job.rollout(), job.job().jobExecutionsRolloutConfig(),
                    job.counts().succeeded(), now);
            if (opened != null) {
                List<RolloutTarget> batch = ctx.repository().rolloutTargets(jobId,
                        Math.min(RolloutRules.room(opened), size));
                Set<String> existing = new HashSet<>(ctx.repository().existingThings(
                        batch.stream().map(RolloutTarget::thingName).toList()));
                Map<String, ExecutionRecord> latest = new HashMap<>();
                if (job.job().targetSelection() == TargetSelection.CONTINUOUS) {
                    // SPEC G2: a thing held back after a join may have had executions of the job before.
                    for (RolloutTarget target : batch) {
                        ctx.repository().findExecution(jobId, target.thingName(), null)
                                .ifPresent(e -> latest.put(e.thingName(), e));
                    }
                }
                return Either.right(new Decision<>(RolloutSteps.step(job, opened, batch, existing, latest, futureEnd,
                        now), true));
            }
        }
        // Nothing else is due now: mark the job for when something will be (its next window, its end), or clear it.
        Instant next = RolloutSteps.dueAt(job.heldBack() > 0 && job.job().status() == JobStatus.IN_PROGRESS
                ? job.rollout() : null, futureEnd, now);
        if (next != null && !next.isAfter(now)) {
            next = null;
        }
        return Either.right(new Decision<>(Changeset.builder()
                .updateJob(job.next(job.job(), next, job.rollout())).build(), false));
    }

    /**
     * Where one node's cancel cascade of a job goes on: after the last execution its previous step tried, whether
     * that step committed or was made stale by devices working there, so that the cascade moves on past them
     * instead of colliding with them again; at the end it wraps around to the first execution.
     */
    private static final class CancelCursor {
        private JobExecutionsKey after;
    }

    /**
     * SPEC J7, C4: the next batch of a CANCELED job's cascade: the things it still holds back, then the executions
     * its cancel takes along, in key order from the cursor; none left anywhere ends the cascade.
     */
    private Decision<Boolean> cancelStep(JobRecord job, int size, CancelCursor cursor, Instant now) {
        List<RolloutTarget> heldBack = ctx.repository().rolloutTargets(job.jobId(), size);
        List<ExecutionRecord> batch = List.of();
        int room = size - heldBack.size();
        if (room > 0) {
            batch = takenAlong(job, cursor.after, room);
            if (batch.isEmpty() && cursor.after != null) {
                batch = takenAlong(job, null, room);
            }
            cursor.after = batch.isEmpty() ? null : key(batch.get(batch.size() - 1));
        }
        return new Decision<>(CancelSteps.step(job, heldBack, batch, now), !heldBack.isEmpty() || !batch.isEmpty());
    }

    /** The first {@code limit} executions after {@code after} that the job's cancel takes along, in key order. */
    private List<ExecutionRecord> takenAlong(JobRecord job, JobExecutionsKey after, int limit) {
        List<ExecutionRecord> found = new ArrayList<>(ctx.repository()
                .listExecutionsForJob(job.jobId(), JobExecutionStatus.QUEUED, after, limit).items());
        if (job.job().forceCanceled()) {
            found.addAll(ctx.repository()
                    .listExecutionsForJob(job.jobId(), JobExecutionStatus.IN_PROGRESS, after, limit).items());
            // Both lists are in key order: the first `limit` of their merge are the first `limit` of both.
            found.sort(Comparator.comparing(ExecutionRecord::thingName)
                    .thenComparingLong(ExecutionRecord::executionNumber));
        }
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    private static JobExecutionsKey key(ExecutionRecord execution) {
        return new JobExecutionsKey(execution.thingName(), execution.executionNumber());
    }
}
