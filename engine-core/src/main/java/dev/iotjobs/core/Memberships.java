package dev.iotjobs.core;

import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.MembershipRules;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.ThingGroupRecord;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads what a membership change needs (SPEC G2, G3): the group's targeting revision and the thing's membership
 * revision first, then the group's ancestry, the
 * live continuous jobs targeting it (through the store's target index) and the thing's executions of them; the
 * decision is {@link MembershipRules}'.
 */
final class Memberships {
    /** Far more than any real hierarchy: a cycle in stored data must not loop forever. */
    private static final int MAX_DEPTH = 1000;

    private final EngineContext ctx;

    Memberships(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** One attempt of AddThingToThingGroup. */
    <R> Either<JobsException, Decision<R>> join(String groupName, String thingName, R response) {
        MembershipRules.Change change = read(groupName, thingName);
        if (change == null) {
            return Either.right(Decision.unchanged(response));   // already a member: nothing changes
        }
        return Either.right(new Decision<>(MembershipRules.join(change, ctx.now()), response));
    }

    /** One attempt of RemoveThingFromThingGroup. */
    <R> Either<JobsException, Decision<R>> leave(String groupName, String thingName, R response) {
        long groupRevision = targetingRevision(groupName);
        long thingRevision = ctx.repository().thingMembershipRevision(thingName);
        group(groupName);
        ctx.thing(thingName);
        List<String> memberOf = ctx.repository().groupsOfThing(thingName);
        if (!memberOf.contains(groupName)) {
            return Either.right(Decision.unchanged(response));   // not a member: nothing changes
        }
        Set<String> stillReaching = new HashSet<>();
        stillReaching.add(ctx.scope().thingArn(thingName));
        for (String other : memberOf) {
            if (!other.equals(groupName)) {
                stillReaching.addAll(ancestryArns(other));
            }
        }
        MembershipRules.Change change = load(groupName, thingName, groupRevision, thingRevision);
        return Either.right(new Decision<>(MembershipRules.leave(change, stillReaching, ctx.now()), response));
    }

    /** @return what a join read, or null when the thing is a member already */
    private MembershipRules.Change read(String groupName, String thingName) {
        long groupRevision = targetingRevision(groupName);
        long thingRevision = ctx.repository().thingMembershipRevision(thingName);
        group(groupName);
        ctx.thing(thingName);
        if (ctx.repository().groupsOfThing(thingName).contains(groupName)) {
            return null;
        }
        return load(groupName, thingName, groupRevision, thingRevision);
    }

    private MembershipRules.Change load(String groupName, String thingName, long groupRevision, long thingRevision) {
        List<String> reaching = ancestryArns(groupName);
        List<JobRecord> jobs = reaching.isEmpty() ? List.of() : ctx.repository().continuousJobsTargeting(reaching);
        Map<String, ExecutionRecord> latest = new HashMap<>();
        Map<String, RolloutTarget> heldBack = new HashMap<>();
        for (JobRecord job : jobs) {
            ctx.repository().findExecution(job.jobId(), thingName, null).ifPresent(e -> latest.put(job.jobId(), e));
            if (job.heldBack() > 0) {
                ctx.repository().rolloutTargets(job.jobId(), List.of(thingName))
                        .forEach(target -> heldBack.put(job.jobId(), target));
            }
        }
        return new MembershipRules.Change(groupName, thingName, groupRevision, thingRevision, reaching, jobs, latest,
                heldBack);
    }

    /** The ARNs of the group and of its ancestors, the group's first; empty when the group is gone. */
    private List<String> ancestryArns(String groupName) {
        List<String> arns = new ArrayList<>();
        String next = groupName;
        while (next != null && arns.size() < MAX_DEPTH) {
            ThingGroupRecord group = ctx.repository().findThingGroup(next).orElse(null);
            if (group == null) {
                break;
            }
            arns.add(ctx.scope().thingGroupArn(group.thingGroupName()));
            next = group.parentGroupName();
        }
        return arns;
    }

    private ThingGroupRecord group(String groupName) {
        return ctx.repository().findThingGroup(groupName).orElseThrow(
                () -> new ResourceNotFoundException("thingGroupName: thing group " + groupName + " does not exist"));
    }

    /** @return the group's targeting revision, which a change of its membership reads before the jobs */
    long targetingRevision(String groupName) {
        return ctx.repository().groupTargetingRevisions(List.of(groupName)).get(groupName);
    }

    /** @return the changes of a group created under a parent: they move the parent's membership */
    Changeset underParent(Changeset changes, String parentGroupName, long parentTargetingRevision) {
        return changes.movingGroupMembership(parentGroupName, parentTargetingRevision);
    }
}
