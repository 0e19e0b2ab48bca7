package dev.iotjobs.core;

import static dev.iotjobs.api.model.JobExecutionStatus.FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DeleteThingGroupRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.control.RemoveThingFromThingGroupRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsResponse;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.event.ThingEvent;
import dev.iotjobs.api.model.JobEndBehavior;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.TargetSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * SPEC E4 where it meets G2, G3, G4 and G7: the device notifications of membership changes. A join that queues an
 * execution, a leave that removes one, a thing deleted, a rollout, a schedule and a retry chain after a rejoin each
 * send at most one notify and one notify-next per thing and commit, with the pending set and the head the thing has
 * after the commit; a membership change that changes no execution sends nothing.
 */
public abstract class MembershipNotificationScenarios extends EngineFixture {

    private void continuous(String jobId, UnaryOperator<CreateJobRequest.Builder> config, String... groups) {
        control().createJob(config.apply(CreateJobRequest.builder().jobId(jobId).document(DOC)
                .targetSelection(TargetSelection.CONTINUOUS)
                .targets(Arrays.stream(groups).map(EngineFixture::groupArn).toList())).build());
    }

    private void continuous(String jobId, String... groups) {
        continuous(jobId, b -> b, groups);
    }

    private void join(String group, String thing) {
        registry().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName(group).thingName(thing)
                .build());
    }

    private void leave(String group, String thing) {
        registry().removeThingFromThingGroup(RemoveThingFromThingGroupRequest.builder().thingGroupName(group)
                .thingName(thing).build());
    }

    private List<ThingEvent> takeAll() {
        engine.relayEvents();
        synchronized (thingEvents) {
            List<ThingEvent> taken = new ArrayList<>(thingEvents);
            thingEvents.clear();
            return taken;
        }
    }

    private List<ThingEvent> takeOf(String thing) {
        return takeAll().stream().filter(e -> e.thingName().equals(thing)).toList();
    }

    private static PendingJobExecutionsChanged pending(ThingEvent event) {
        assertThat(event).isInstanceOf(PendingJobExecutionsChanged.class);
        return (PendingJobExecutionsChanged) event;
    }

    private static NextJobExecutionChanged next(ThingEvent event) {
        assertThat(event).isInstanceOf(NextJobExecutionChanged.class);
        return (NextJobExecutionChanged) event;
    }

    private static List<String> queued(ThingEvent event) {
        return pending(event).queuedJobs().stream().map(s -> s.jobId() + "#" + s.executionNumber()).toList();
    }

    private static String head(ThingEvent event) {
        JobExecution head = next(event).execution();
        return head == null ? null : head.jobId() + "#" + head.executionNumber();
    }

    private GetPendingJobExecutionsResponse pendingNow(String thing) {
        return device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder().thingName(thing).build());
    }

    /** The notify is the thing's pending set after the commit, as GetPendingJobExecutions answers it (X12). */
    private void isThePendingSetNow(ThingEvent event, String thing) {
        GetPendingJobExecutionsResponse now = pendingNow(thing);
        assertThat(pending(event).inProgressJobs()).isEqualTo(now.inProgressJobs());
        assertThat(pending(event).queuedJobs()).isEqualTo(now.queuedJobs());
    }

    @Test
    void g2_e4_aJoinNotifiesTheNewExecutionAndTheNewHeadOnce() {
        things("t1");
        group("fleet", null);
        continuous("c", "fleet");
        takeAll();

        join("fleet", "t1");

        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(queued(got.get(0))).containsExactly("c#1");
        isThePendingSetNow(got.get(0), "t1");
        JobExecutionSummary summary = pending(got.get(0)).queuedJobs().get(0);
        assertThat(summary.versionNumber()).isEqualTo(1L);
        assertThat(summary.queuedAt()).isEqualTo(clock.instant());
        JobExecution head = next(got.get(1)).execution();
        assertThat(head.jobId()).isEqualTo("c");
        assertThat(head.thingName()).isEqualTo("t1");
        assertThat(head.thingArn()).isEqualTo(thingArn("t1"));
        assertThat(head.status()).isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(head.jobDocument()).isEqualTo(DOC);
    }

    @Test
    void g2_e4_aJoinBehindTheHeadNotifiesThePendingSetOnly() {
        things("t1");
        group("fleet", null);
        continuous("c", "fleet");
        job("j0", "t1");
        clock.advance(Duration.ofSeconds(1));
        takeAll();

        join("fleet", "t1");

        List<ThingEvent> got = takeAll();
        assertThat(got).as("the head is still j0").hasSize(1);
        assertThat(queued(got.get(0))).containsExactly("j0#1", "c#1");
        isThePendingSetNow(got.get(0), "t1");
    }

    @Test
    void g2_e4_aJoinWhoseExecutionGoesFirstInTheQueueChangesTheHead() {
        things("t1");
        group("fleet", null);
        continuous("a-continuous", "fleet");
        job("z-snapshot", "t1");   // queued in the same millisecond as the join's: jobId decides (X11)
        takeAll();

        join("fleet", "t1");

        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(queued(got.get(0))).containsExactly("a-continuous#1", "z-snapshot#1");
        assertThat(head(got.get(1))).isEqualTo("a-continuous#1");
    }

    @Test
    void g2_e4_aJoinOfADescendantGroupUnderTwoContinuousJobsNotifiesOnce() {
        things("t1");
        group("root", null);
        group("mid", "root");
        group("leaf", "mid");
        continuous("c1", "root");
        clock.advance(Duration.ofSeconds(1));
        continuous("c2", "mid");
        takeAll();

        join("leaf", "t1");

        List<ThingEvent> got = takeAll();
        assertThat(got).as("one notify and one notify-next for the one commit").hasSize(2);
        assertThat(queued(got.get(0))).containsExactly("c1#1", "c2#1");
        isThePendingSetNow(got.get(0), "t1");
        assertThat(head(got.get(1))).isEqualTo("c1#1");
    }

    @Test
    void g2_e4_aJoinThatQueuesNothingNotifiesNothing() {
        things("t1", "t2");
        group("a", null, "t1");
        group("b", null);
        group("plain", null);
        continuous("c", "a", "b");
        takeAll();

        join("b", "t1");       // pending through a already
        join("plain", "t2");   // no job targets it
        join("a", "t1");       // a member already

        assertThat(takeAll()).isEmpty();
    }

    @Test
    void g3_e4_aLeaveThatRemovesTheHeadNotifiesTheRestAndTheNextHead() {
        things("t1");
        group("fleet", null, "t1");
        continuous("c", "fleet");
        clock.advance(Duration.ofSeconds(1));
        job("j1", "t1");
        takeAll();

        leave("fleet", "t1");

        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(queued(got.get(0))).containsExactly("j1#1");
        isThePendingSetNow(got.get(0), "t1");
        assertThat(head(got.get(1))).isEqualTo("j1#1");
        assertThat(next(got.get(1)).execution().jobDocument()).isEqualTo(DOC);

        job("j2", "t1");
        leave("fleet", "t1");   // not a member any more: nothing
        assertThat(takeOf("t1")).hasSize(1);
    }

    @Test
    void g3_e4_aLeaveRemovingTwoExecutionsNotifiesOnceWithAnEmptyQueue() {
        things("t1");
        group("fleet", null, "t1");
        continuous("c1", "fleet");
        continuous("c2", "fleet");
        takeAll();

        leave("fleet", "t1");

        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(pending(got.get(0)).queuedJobs()).isEmpty();
        assertThat(pending(got.get(0)).inProgressJobs()).isEmpty();
        assertThat(next(got.get(1)).execution()).isNull();
    }

    @Test
    void g3_e4_aThingInTwoTargetGroupsLeavingOneNotifiesNothing() {
        things("t1", "t2");
        group("root", null);
        group("a", null, "t1");
        group("b", null, "t1");
        group("child", "root", "t2");
        join("root", "t2");
        control().createJob(CreateJobRequest.builder().jobId("c").document(DOC)
                .targetSelection(TargetSelection.CONTINUOUS)
                .targets(List.of(groupArn("a"), groupArn("b"), groupArn("root"))).build());
        takeAll();

        leave("a", "t1");       // still in b
        leave("child", "t2");   // still in root
        leave("root", "t2");    // ... and now in no target group
        List<ThingEvent> got = takeAll();
        assertThat(got).as("only the last leave removes an execution").hasSize(2)
                .allMatch(e -> e.thingName().equals("t2"));
        assertThat(pending(got.get(0)).queuedJobs()).isEmpty();
        assertThat(next(got.get(1)).execution()).isNull();
        assertThat(execution("c", "t1").status()).isEqualTo(JobExecutionStatus.QUEUED);
    }

    @Test
    void g3_e4_aLeaveOfAThingWorkingOnItsExecutionNotifiesNothing() {
        things("t1");
        group("fleet", null, "t1");
        continuous("c", "fleet");
        startNext("t1");
        takeAll();

        leave("fleet", "t1");

        assertThat(takeAll()).isEmpty();
    }

    @Test
    void g2_g3_e4_aHeldBackJoinNotifiesWhenItsWindowOpensAndALeaveBeforeThatNothing() {
        things("t1", "t2", "t3");
        group("fleet", null, "t1");
        continuous("c", b -> b.jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(1)
                .build()), "fleet");
        takeAll();

        join("fleet", "t2");
        join("fleet", "t3");
        assertThat(takeAll()).as("held back: no execution yet").isEmpty();
        leave("fleet", "t3");
        assertThat(takeAll()).as("released before its turn").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        engine.runDueWork();
        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2).allMatch(e -> e.thingName().equals("t2"));
        assertThat(queued(got.get(0))).containsExactly("c#1");
        assertThat(head(got.get(1))).isEqualTo("c#1");
    }

    @Test
    void g2_e4_aScheduledJobNotifiesItsJoinedThingsAtItsStartAndAJobPastItsEndNothing() {
        things("t1", "t2");
        group("fleet", null);
        continuous("later", b -> b.schedulingConfig(SchedulingConfig.builder().startTime("2026-01-01T00:10")
                .build()), "fleet");
        continuous("ending", b -> b.schedulingConfig(SchedulingConfig.builder().endTime("2026-01-01T00:05")
                .endBehavior(JobEndBehavior.STOP_ROLLOUT).build()), "fleet");
        clock.advance(Duration.ofMinutes(6));
        engine.runDueWork();
        takeAll();

        join("fleet", "t1");
        assertThat(takeAll()).as("SCHEDULED, and past its end").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        engine.runDueWork();
        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2).allMatch(e -> e.thingName().equals("t1"));
        assertThat(queued(got.get(0))).containsExactly("later#1");
        assertThat(head(got.get(1))).isEqualTo("later#1");
    }

    @Test
    void g7_e4_aRetryChainAfterARejoinNotifiesEachStepOnce() {
        things("t1");
        group("fleet", null, "t1");
        continuous("c", b -> b.jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                RetryCriteria.builder().failureType(RetryableFailureType.FAILED).numberOfRetries(1).build())
                .build()), "fleet");
        startNext("t1");
        takeAll();

        update("c", "t1", FAILED);   // the retry: #2
        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(queued(got.get(0))).containsExactly("c#2");
        assertThat(head(got.get(1))).isEqualTo("c#2");

        leave("fleet", "t1");        // #2 REMOVED
        got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(queued(got.get(0))).isEmpty();
        assertThat(next(got.get(1)).execution()).isNull();

        join("fleet", "t1");         // #3, retries from zero (G7)
        got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(queued(got.get(0))).containsExactly("c#3");
        assertThat(head(got.get(1))).isEqualTo("c#3");

        startNext("t1");
        update("c", "t1", FAILED);   // a retry again: #4
        got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(queued(got.get(0))).containsExactly("c#4");
        assertThat(head(got.get(1))).isEqualTo("c#4");
        isThePendingSetNow(got.get(0), "t1");
    }

    @Test
    void g4_e4_deletingAThingInTargetGroupsNotifiesItsEmptyQueueOnce() {
        things("t1");
        group("a", null, "t1");
        group("b", null, "t1");
        continuous("c1", "a");
        continuous("c2", "b");
        job("j", "t1");
        startNext("t1");
        takeAll();

        registry().deleteThing(DeleteThingRequest.builder().thingName("t1").build());

        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(pending(got.get(0)).queuedJobs()).isEmpty();
        assertThat(pending(got.get(0)).inProgressJobs()).isEmpty();
        assertThat(next(got.get(1)).execution()).isNull();
    }

    @Test
    void g1_e4_deletingAThingGroupChangesNoExecutionAndNotifiesNothing() {
        things("t1");
        group("fleet", null);
        group("child", "fleet", "t1");
        continuous("c", "fleet");
        takeAll();

        registry().deleteThingGroup(DeleteThingGroupRequest.builder().thingGroupName("child").build());

        assertThat(takeAll()).isEmpty();
    }
}
