package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutState;
import dev.iotjobs.spi.RolloutTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pure rules of continuous jobs following group membership (SPEC G2, G3, G7).
 *
 * <p>Every membership change moves its group's membership (raising its membership revision, expecting its targeting
 * revision as read) and checks and raises its thing's membership revision; a CONTINUOUS job's expansion checks the
 * membership revisions of the groups it expanded and raises their targeting revisions (see {@link Changeset}). So a
 * join that read the continuous jobs before a new one committed, and a job creation that read the group's members
 * before the join committed, cannot both commit: the second one decides again and sees the first. Joins of one group
 * do not make each other stale: thousands of devices can join one group at once. Each job a join or leave acts on
 * is checked too, so a cancel or delete committed meanwhile makes it decide again: a leave expects the job's revision
 * ({@link Changeset.Builder#expectJob}); a join raises it (an update), because a cancel lists the job's QUEUED
 * executions before it commits and must then fail rather than miss the join's new one.
 */
public final class MembershipRules {
    private MembershipRules() {
    }

    /**
     * What a membership change read.
     *
     * @param groupName the group
     * @param thingName the thing
     * @param groupRevision the group's targeting revision, read first
     * @param thingRevision the thing's membership revision, read first
     * @param reachingArns the ARNs of the group and of its ancestors (the targets through which the group reaches
     *     the thing)
     * @param jobs the live CONTINUOUS jobs targeting any of them
     * @param latest per job id, the thing's latest execution of it, if any
     * @param heldBack per job id, the thing's row if the job's rollout holds it back
     */
    public record Change(String groupName, String thingName, long groupRevision, long thingRevision,
                         List<String> reachingArns, List<JobRecord> jobs, Map<String, ExecutionRecord> latest,
                         Map<String, RolloutTarget> heldBack) {
    }

    /**
     * AddThingToThingGroup (SPEC G2): the membership, and for every live CONTINUOUS job that the group or an
     * ancestor is a target of, a new QUEUED execution for the thing (the next {@code executionNumber} after its
     * latest, {@code retryAttempt} 0: SPEC G7's retry count starts again here), unless the thing already has a
     * pending execution of it or is held back by its rollout; a job with a rollout configuration holds the thing back
     * instead (T7); a SCHEDULED job reaches it at its start (T8); a job past its scheduled end gets none.
     *
     * @param join what the join read
     * @param now the present
     * @return the changes
     */
    public static Changeset join(Change join, Instant now) {
        Changeset.Builder changes = guarded(join).addMembership(join.groupName(), join.thingName());
        for (JobRecord job : join.jobs()) {
            if (job.job().status() != JobStatus.IN_PROGRESS || JobRules.endReached(job, now) != null) {
                continue;   // SCHEDULED: its start expands the groups; past its end: nothing new (T8)
            }
            ExecutionRecord latest = join.latest().get(job.jobId());
            if ((latest != null && latest.isPending()) || join.heldBack().containsKey(job.jobId())) {
                continue;
            }
            List<Integer> reach = reach(job, join.reachingArns());
            if (RolloutRules.gradual(job.job())) {
                RolloutState rollout = job.rollout() != null ? job.rollout()
                        : RolloutRules.begin(job.job().jobExecutionsRolloutConfig(), job.job().targets(), List.of(),
                        job.counts().succeeded());
                rollout = RolloutRules.heldBack(rollout, job.job().targets(), List.of(reach));
                changes.holdBack(new RolloutTarget(job.jobId(), join.thingName(), reach))
                        .updateJob(job.next(job.job(),
                                ExpansionSteps.dueAt(job, rollout, JobRules.endTime(job.job()), now), rollout));
            } else {
                // A revision of its own, not only a check: a cancel that listed the job's QUEUED executions before
                // this one existed must not commit after it (SPEC J7), nor a delete (J10).
                changes.updateJob(job.next(job.job(), job.dueAt(), job.rollout()));
                ExecutionChanges.created(changes, ExecutionRules.queued(job.jobId(), join.thingName(),
                        latest == null ? 1 : latest.executionNumber() + 1, now));
            }
        }
        return changes.build();
    }

    /**
     * RemoveThingFromThingGroup (SPEC G3): the membership goes, and for every live CONTINUOUS job that the group or an
     * ancestor is a target of and that no longer targets the thing otherwise (none of its targets is the thing's
     * ARN or a group the thing still belongs to, or an ancestor of one), the thing's QUEUED execution becomes
     * REMOVED and a rollout that holds it back lets it go; an IN_PROGRESS execution continues.
     *
     * @param leave what the leave read
     * @param stillReaching the ARNs that still reach the thing afterwards: its own, and those of the other groups it
     *     belongs to and of their ancestors
     * @param now the present
     * @return the changes
     */
    public static Changeset leave(Change leave, Set<String> stillReaching, Instant now) {
        Changeset.Builder changes = guarded(leave).removeMembership(leave.groupName(), leave.thingName());
        for (JobRecord job : leave.jobs()) {
            if (job.job().targets().stream().anyMatch(stillReaching::contains)) {
                continue;
            }
            RolloutTarget held = leave.heldBack().get(job.jobId());
            if (held != null) {
                RolloutState rollout = RolloutRules.released(job.rollout(), job.job().targets(), List.of(held), 0,
                        now);
                changes.release(held).updateJob(job.next(job.job(),
                        ExpansionSteps.dueAt(job, rollout, JobRules.endTime(job.job()), now), rollout));
            }
            ExecutionRecord latest = leave.latest().get(job.jobId());
            if (latest != null && latest.status() == JobExecutionStatus.QUEUED) {
                if (held == null) {
                    changes.expectJob(job);
                }
                ExecutionChanges.updated(changes, job, latest, ExecutionRules.ended(latest,
                        JobExecutionStatus.REMOVED, latest.forceCanceled(), latest.statusDetails(), now));
            }
        }
        return changes.build();
    }

    /**
     * SPEC G7: the first execution number of the thing's current retry chain, the attempt that a creation, a rollout
     * or a (re)join queued with {@code retryAttempt} 0; only endings from there on count against its retries.
     *
     * @param ending the execution that is ending
     * @return the execution number its chain started with
     */
    public static long chainStart(ExecutionRecord ending) {
        return Math.max(1, ending.executionNumber() - ending.retryAttempt());
    }

    private static Changeset.Builder guarded(Change change) {
        return Changeset.builder()
                .moveGroupMembership(change.groupName(), change.groupRevision())
                .expectThingMembership(change.thingName(), change.thingRevision());
    }

    /** The positions of the job's targets that reach the thing through the group. */
    private static List<Integer> reach(JobRecord job, Collection<String> reachingArns) {
        List<Integer> reach = new ArrayList<>();
        List<String> targets = job.job().targets();
        for (int i = 0; i < targets.size(); i++) {
            if (reachingArns.contains(targets.get(i))) {
                reach.add(i);
            }
        }
        return reach;
    }
}
