package dev.iotjobs.core;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.model.JobEndBehavior;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.JobRules;
import dev.iotjobs.core.rules.RolloutRules;
import dev.iotjobs.core.rules.RolloutSteps;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutState;
import dev.iotjobs.spi.RolloutTarget;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Applies everything that is due (SPEC T3 timeouts with their T5 retries, J10 cascades, T7 rollout windows, T8
 * scheduled starts and ends), in bounded batches, until nothing due is left. Every step is a versioned
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

    DueWork(EngineContext ctx, TargetExpander targets, Overdue overdue, Cancellations cancellations) {
        this.ctx = ctx;
        this.targets = targets;
        this.overdue = overdue;
        this.cancellations = cancellations;
        this.owedCompletions = new OwedCompletions(ctx);
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
        while (ctx.commits().run(() -> step(jobId))) {
            steps++;
        }
        return steps;
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

    /** One committed step of a due job; answers whether the job may still be due. */
    private Either<JobsException, Decision<Boolean>> step(String jobId) {
        Instant now = ctx.now();
        Optional<JobRecord> found = ctx.repository().findJob(jobId);
        if (found.isEmpty() || found.get().dueAt() == null || found.get().dueAt().isAfter(now)) {
            return Either.right(Decision.unchanged(false));
        }
        JobRecord job = found.get();
        if (job.job().status() == JobStatus.DELETION_IN_PROGRESS) {
            int size = ctx.limits().deletionBatchSize();
            List<ExecutionRecord> batch = ctx.repository().listExecutionsForJob(jobId, null, null, size).items();
            List<RolloutTarget> heldBack = batch.isEmpty() ? ctx.repository().rolloutTargets(jobId, size) : List.of();
            return Either.right(new Decision<>(JobRules.deletionStep(job, batch, heldBack, now), true));
        }
        if (job.job().status() == JobStatus.SCHEDULED) {
            if (job.job().targetSelection() == TargetSelection.CONTINUOUS) {
                // SPEC G2: the things that joined while it was scheduled are reached now; a join racing this
                // expansion makes one of the two commits stale.
                Map<String, Long> revisions = new HashMap<>();
                SortedMap<String, List<Integer>> things = targets.expandGuarded(job.job().targets(), true, revisions);
                return Either.right(new Decision<>(JobRules.start(job, things, now)
                        .expectingGroupMemberships(revisions), true));
            }
            return Either.right(new Decision<>(JobRules.start(job, targets.expandExisting(job.job().targets()), now),
                    true));
        }
        Instant end = JobRules.endTime(job.job());
        if (job.job().status() == JobStatus.IN_PROGRESS
                && JobRules.endReached(job, now) == JobEndBehavior.STOP_ROLLOUT) {
            return Either.right(new Decision<>(RolloutSteps.stop(job, ctx.heldBack(job), now), false));
        }
        Instant futureEnd = end != null && end.isAfter(now) ? end : null;
        if (job.job().status() == JobStatus.IN_PROGRESS && job.heldBack() > 0) {
            RolloutState opened = RolloutRules.open(job.rollout(), job.job().jobExecutionsRolloutConfig(),
                    job.counts().succeeded(), now);
            if (opened != null) {
                int size = Math.min(RolloutRules.room(opened), ctx.limits().deletionBatchSize());
                List<RolloutTarget> batch = ctx.repository().rolloutTargets(jobId, size);
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
}
