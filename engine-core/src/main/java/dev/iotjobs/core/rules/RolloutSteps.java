package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.Job;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutState;
import dev.iotjobs.spi.RolloutTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The changes a rollout makes (SPEC J3, T7): executions for the things a window reaches, held-back rows for the
 * rest, and the job's conditional completion when nothing is left to roll out.
 */
public final class RolloutSteps {
    private RolloutSteps() {
    }

    /**
     * Rolls a job out to things at its start (creation, or its scheduled start): all at once without a rollout
     * configuration; else the first window at once and the rest held back.
     *
     * @param changes the changeset being built; gets the executions and held-back rows
     * @param job the job as it will be stored, without rollout state
     * @param things the things to roll out to, in name order, each with the positions of the targets reaching it
     * @param now the present
     * @return the job's rollout state afterwards, or null without a rollout configuration
     */
    public static RolloutState start(Changeset.Builder changes, JobRecord job,
                                     SortedMap<String, List<Integer>> things, Instant now) {
        if (!RolloutRules.gradual(job.job())) {
            things.keySet().forEach(thing -> createExecution(changes, job, thing, now));
            if (things.isEmpty()) {
                // SPEC J8: a SNAPSHOT job with nothing to run completes at once.
                ExecutionChanges.completeIfDrained(changes, job, now);
            }
            return null;
        }
        Job members = job.job();
        RolloutState begun = RolloutRules.begin(members.jobExecutionsRolloutConfig(), members.targets(),
                things.values(), job.counts().succeeded());
        RolloutState state = RolloutRules.open(begun, members.jobExecutionsRolloutConfig(),
                job.counts().succeeded(), now);
        if (state == null) {
            ExecutionChanges.completeIfDrained(changes, job, now);   // nothing to roll out
            return begun;
        }
        int room = RolloutRules.room(state);
        List<RolloutTarget> first = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> thing : things.entrySet()) {
            RolloutTarget target = new RolloutTarget(job.jobId(), thing.getKey(), thing.getValue());
            if (first.size() < room) {
                first.add(target);
                createExecution(changes, job, thing.getKey(), now);
            } else {
                changes.holdBack(target);
            }
        }
        return RolloutRules.released(state, members.targets(), first, first.size(), now);
    }

    /**
     * One step of a rollout in due work: the window's next things get their executions.
     *
     * @param job the IN_PROGRESS job as read
     * @param opened its rollout state as {@link RolloutRules#open} left it (room to create)
     * @param batch the next held-back things, in name order, at most the window's room
     * @param existingThings those of the batch's things that still exist
     * @param endTime the job's scheduled end, or null
     * @param now the present
     * @return the changes
     */
    public static Changeset step(JobRecord job, RolloutState opened, List<RolloutTarget> batch,
                                 Set<String> existingThings, Instant endTime, Instant now) {
        return step(job, opened, batch, existingThings, Map.of(), endTime, now);
    }

    /**
     * One step of a rollout in due work, for things that may have had executions of the job before (a CONTINUOUS
     * job's joins, SPEC G2): the new execution follows the thing's latest; a thing with a pending one gets none.
     *
     * @param job the IN_PROGRESS job as read
     * @param opened its rollout state as {@link RolloutRules#open} left it (room to create)
     * @param batch the next held-back things, in name order, at most the window's room
     * @param existingThings those of the batch's things that still exist
     * @param latest the latest execution of the job on each of the batch's things that has one
     * @param endTime the job's scheduled end, or null
     * @param now the present
     * @return the changes
     */
    public static Changeset step(JobRecord job, RolloutState opened, List<RolloutTarget> batch,
                                 Set<String> existingThings, Map<String, ExecutionRecord> latest, Instant endTime,
                                 Instant now) {
        Changeset.Builder changes = Changeset.builder();
        int created = 0;
        for (RolloutTarget target : batch) {
            changes.release(target);
            ExecutionRecord before = latest.get(target.thingName());
            if (existingThings.contains(target.thingName()) && (before == null || !before.isPending())) {
                ExecutionChanges.created(changes, ExecutionRules.queued(job.jobId(), target.thingName(),
                        before == null ? 1 : before.executionNumber() + 1, now));
                created++;
            }
        }
        RolloutState after = batch.isEmpty()
                ? RolloutRules.stopped(opened)    // the count and the rows disagree: nothing is left to read
                : RolloutRules.released(opened, job.job().targets(), batch, created, now);
        changes.updateJob(job.next(job.job(), dueAt(after, endTime, now), after));
        if (after.remaining() == 0) {
            ExecutionChanges.completeIfDrained(changes, job, now);
        }
        return changes.build();
    }

    /**
     * SPEC T8 STOP_ROLLOUT, C4: the job's scheduled end stops its rollout, a batch of held-back things per step; a
     * SNAPSHOT job completes when its pending executions end (now, if none is left) once nothing is held back. Due
     * work takes the step again while the job still holds things back (its end stays reached), so no window opens in
     * between.
     *
     * @param job the IN_PROGRESS job as read
     * @param heldBack the next things it still holds back, at most one batch, released here
     * @param now the present
     * @return the changes
     */
    public static Changeset stop(JobRecord job, List<RolloutTarget> heldBack, Instant now) {
        RolloutState after = heldBack.isEmpty() ? RolloutRules.stopped(job.rollout())
                : RolloutRules.released(job.rollout(), job.job().targets(), heldBack, 0, now);
        boolean done = after == null || after.remaining() == 0;
        // An expansion still owed stops too (SPEC C4).
        Changeset.Builder changes = Changeset.builder().updateJob(job.next(job.job(), done ? null : now,
                done ? RolloutRules.stopped(after) : after).withExpansion(null));
        heldBack.forEach(changes::release);
        if (done) {
            ExecutionChanges.completeIfDrained(changes, job, now);
        }
        return changes.build();
    }

    /**
     * @param rollout a job's rollout state, or null
     * @param endTime its scheduled end still to act on, or null
     * @param now the present
     * @return when due work must next look at the job: the earlier of the rollout's next window and the end
     */
    public static Instant dueAt(RolloutState rollout, Instant endTime, Instant now) {
        Instant rolloutDue = RolloutRules.dueAt(rollout, now);
        if (rolloutDue == null) {
            return endTime;
        }
        return endTime == null || rolloutDue.isBefore(endTime) ? rolloutDue : endTime;
    }

    private static void createExecution(Changeset.Builder changes, JobRecord job, String thing, Instant now) {
        ExecutionChanges.created(changes, ExecutionRules.queued(job.jobId(), thing, 1, now));
    }
}
