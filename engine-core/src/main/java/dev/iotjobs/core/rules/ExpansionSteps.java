package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.Job;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutState;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.TargetExpansion;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * Group targets expanded in batches (SPEC J3, C4). A job whose targets reach more things than one batch holds gets
 * the first batch in the commit that creates (or starts, or retargets) it and owes the rest ({@link TargetExpansion}:
 * the targets, and the last thing reached); due work adds the rest a batch per commit, in thing-name order, feeding
 * them to the job as its creation would have: executions at once, or held back for a gradual rollout (T7). While it
 * owes an expansion the job is concurrent and cannot complete (J8).
 *
 * <p>Which things a batched expansion reaches (a decision; AWS expands group targets asynchronously too and documents
 * only that a SNAPSHOT job does not follow membership changes): each thing that is a member of a target group when
 * the batch that reaches its name is read. A thing that joins mid-expansion under a name the expansion has not
 * reached yet is included; one that leaves before its name is reached is not; after the expansion ends a SNAPSHOT
 * job follows no membership change (G2), a CONTINUOUS one follows them all along (its joins and leaves act
 * meanwhile, and the expansion skips things a join already reached).
 */
public final class ExpansionSteps {
    private ExpansionSteps() {
    }

    /**
     * @param job a stored job
     * @return whether it still expands group targets in batches (SPEC C4)
     */
    public static boolean isUnderWay(JobRecord job) {
        return job.expansion() != null;
    }

    /**
     * @param indexes the positions of the targets being expanded
     * @param last the last thing of the batch just expanded
     * @param more whether more things follow it
     * @return the expansion owed after that batch, or null when none is
     */
    public static TargetExpansion owed(List<Integer> indexes, String last, boolean more) {
        return more && last != null ? new TargetExpansion(indexes, last) : null;
    }

    /**
     * One step of an owed expansion.
     *
     * @param job the IN_PROGRESS job owing an expansion, as read
     * @param things the batch's things it has not reached yet, in name order, each with the positions of the targets
     *     reaching it
     * @param last the last thing of the batch (reached or not), or null when the batch was empty
     * @param more whether more things follow the batch
     * @param endTime the job's scheduled end still to act on, or null
     * @param now the present
     * @return the changes: the batch's executions (or held-back things), the expansion going on or ended, and at its
     *     end the job's conditional completion (J8: all its executions may have ended meanwhile)
     */
    public static Changeset step(JobRecord job, SortedMap<String, List<Integer>> things, String last, boolean more,
                                 Instant endTime, Instant now) {
        Changeset.Builder changes = Changeset.builder();
        TargetExpansion next = more && last != null ? job.expansion().after(last) : null;
        Job members = job.job();
        RolloutState rollout = job.rollout();
        if (RolloutRules.gradual(members)) {
            if (!things.isEmpty()) {
                RolloutState state = rollout != null ? rollout : RolloutRules.begin(
                        members.jobExecutionsRolloutConfig(), members.targets(), List.of(), job.counts().succeeded());
                rollout = RolloutRules.heldBack(state, members.targets(), things.values());
                things.forEach((thing, reach) -> changes.holdBack(new RolloutTarget(job.jobId(), thing, reach)));
            }
        } else {
            things.keySet().forEach(thing -> ExecutionChanges.created(changes,
                    ExecutionRules.queued(job.jobId(), thing, 1, now)));
        }
        Instant due = next != null ? now : RolloutSteps.dueAt(rollout, endTime, now);
        changes.updateJob(job.next(members, due, rollout).withExpansion(next));
        if (next == null) {
            ExecutionChanges.completeIfDrained(changes, job, now);
        }
        return changes.build();
    }

    /**
     * @param job a job as read
     * @param rollout its rollout state afterwards, or null
     * @param endTime its scheduled end still to act on, or null
     * @param now the present
     * @return when due work must next look at it: now while it owes an expansion, else as {@link RolloutSteps#dueAt}
     */
    public static Instant dueAt(JobRecord job, RolloutState rollout, Instant endTime, Instant now) {
        return isUnderWay(job) ? now : RolloutSteps.dueAt(rollout, endTime, now);
    }
}
