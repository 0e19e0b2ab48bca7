package dev.iotjobs.core;

import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.core.rules.ExpansionSteps;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.TargetExpansion;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Loads one step of a job's owed group expansion (SPEC J3, C4): the next batch of things its targets reach after the
 * expansion's last, without those a CONTINUOUS job reached already (a join, or AssociateTargetsWithJob going over
 * them again); the decision is {@link ExpansionSteps}'.
 */
final class Expansions {
    private final EngineContext ctx;
    private final TargetExpander targets;

    Expansions(EngineContext ctx, TargetExpander targets) {
        this.ctx = ctx;
        this.targets = targets;
    }

    /**
     * @param job an IN_PROGRESS job owing an expansion, as read
     * @param size the most things the step reaches
     * @param endTime the job's scheduled end still to act on, or null
     * @param now the present
     * @return the step's changes
     */
    Changeset step(JobRecord job, int size, Instant endTime, Instant now) {
        TargetExpansion owed = job.expansion();
        boolean continuous = job.job().targetSelection() == TargetSelection.CONTINUOUS;
        // SPEC G2: a CONTINUOUS job's batch expects the memberships it read, so that a join or leave racing it makes
        // one of the two commits decide again.
        Map<String, Long> revisions = new HashMap<>();
        TargetExpander.Slice slice = targets.slice(job.job().targets(), owed.targetIndexes(), owed.afterThing(), size,
                true, continuous ? revisions : null);
        SortedMap<String, List<Integer>> fresh = new TreeMap<>(slice.things());
        if (continuous && !fresh.isEmpty()) {
            if (job.heldBack() > 0) {
                ctx.repository().rolloutTargets(job.jobId(), fresh.keySet())
                        .forEach((RolloutTarget held) -> fresh.remove(held.thingName()));
            }
            fresh.keySet().removeIf(thing -> ctx.repository().findExecution(job.jobId(), thing, null).isPresent());
        }
        return ExpansionSteps.step(job, fresh, slice.last(), slice.more(), endTime, now)
                .expectingGroupMemberships(revisions);
    }
}
