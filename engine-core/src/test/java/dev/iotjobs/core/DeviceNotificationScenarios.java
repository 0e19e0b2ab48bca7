package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.CancelJobExecutionRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.DeleteJobExecutionRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsResponse;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.event.ThingEvent;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.TimeoutConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC E1 and E4: the device notifications. {@code PendingJobExecutionsChanged} (notify) when an execution enters or
 * leaves a thing's pending set, {@code NextJobExecutionChanged} (notify-next) when the head of its queue changes
 * identity; at most one of each per thing and commit, after the commit's other events, from every kind of change.
 */
public abstract class DeviceNotificationScenarios extends EngineFixture {

    private List<ThingEvent> of(String thing) {
        synchronized (thingEvents) {
            return thingEvents.stream().filter(e -> e.thingName().equals(thing)).toList();
        }
    }

    private List<ThingEvent> takeAll() {
        synchronized (thingEvents) {
            List<ThingEvent> taken = new ArrayList<>(thingEvents);
            thingEvents.clear();
            return taken;
        }
    }

    private static List<String> jobIds(List<JobExecutionSummary> summaries) {
        return summaries.stream().map(JobExecutionSummary::jobId).toList();
    }

    private static PendingJobExecutionsChanged pending(ThingEvent event) {
        assertThat(event).isInstanceOf(PendingJobExecutionsChanged.class);
        return (PendingJobExecutionsChanged) event;
    }

    private static NextJobExecutionChanged next(ThingEvent event) {
        assertThat(event).isInstanceOf(NextJobExecutionChanged.class);
        return (NextJobExecutionChanged) event;
    }

    private static String headJob(ThingEvent event) {
        JobExecution head = next(event).execution();
        return head == null ? null : head.jobId();
    }

    private GetPendingJobExecutionsResponse pendingNow(String thing) {
        return device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder().thingName(thing).build());
    }

    @Test
    void e4_aNewJobNotifiesEveryTargetedThingWithItsPendingSetAndItsNewHead() {
        things("t1", "t2");
        job("j1", "t1", "t2");

        for (String thing : List.of("t1", "t2")) {
            List<ThingEvent> got = of(thing);
            assertThat(got).hasSize(2);
            PendingJobExecutionsChanged notify = pending(got.get(0));
            assertThat(notify.inProgressJobs()).isEmpty();
            assertThat(jobIds(notify.queuedJobs())).containsExactly("j1");
            JobExecutionSummary summary = notify.queuedJobs().get(0);
            assertThat(summary.queuedAt()).isEqualTo(clock.instant());
            assertThat(summary.versionNumber()).isEqualTo(1L);
            assertThat(summary.executionNumber()).isEqualTo(1L);
            assertThat(notify.occurredAt()).isEqualTo(clock.instant());

            JobExecution head = next(got.get(1)).execution();
            assertThat(head.jobId()).isEqualTo("j1");
            assertThat(head.thingName()).isEqualTo(thing);
            assertThat(head.thingArn()).isEqualTo(thingArn(thing));
            assertThat(head.status()).isEqualTo(JobExecutionStatus.QUEUED);
            assertThat(head.versionNumber()).isEqualTo(1L);
            assertThat(head.jobDocument()).as("notify-next carries the job document").isEqualTo(DOC);
        }
    }

    @Test
    void e1_deviceNotificationsComeAfterTheCommitsJobEvents() {
        List<EngineEvent> all = new ArrayList<>();
        engine.events().subscribe(all::add);
        things("t1");
        job("j1", "t1");

        assertThat(all).last().isInstanceOf(NextJobExecutionChanged.class);
        assertThat(all.get(all.size() - 2)).isInstanceOf(PendingJobExecutionsChanged.class);
        assertThat(all.subList(0, all.size() - 2)).noneMatch(e -> e instanceof ThingEvent);
    }

    @Test
    void e4_aJobQueuedBehindTheHeadChangesThePendingSetButNotTheHead() {
        things("t1");
        job("j1", "t1");
        clock.advance(Duration.ofSeconds(1));
        takeAll();

        job("j2", "t1");

        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(1);
        assertThat(jobIds(pending(got.get(0)).queuedJobs())).containsExactly("j1", "j2");
    }

    @Test
    void e4_startingTheHeadOrReportingProgressNotifiesNothing() {
        things("t1");
        job("j1", "t1");
        takeAll();

        startNext("t1");
        device().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1").thingName("t1")
                .status(JobExecutionStatus.IN_PROGRESS).statusDetails(Map.of("progress", "50%")).build());

        assertThat(takeAll()).isEmpty();
    }

    @Test
    void e4_startingAnExecutionBehindTheHeadMakesItTheHead() {
        things("t1");
        job("j1", "t1");
        clock.advance(Duration.ofSeconds(1));
        job("j2", "t1");
        takeAll();

        update("j2", "t1", JobExecutionStatus.IN_PROGRESS);

        List<ThingEvent> got = takeAll();
        assertThat(got).as("IN_PROGRESS goes first: the head changes, the pending set does not").hasSize(1);
        assertThat(next(got.get(0)).execution().jobId()).isEqualTo("j2");
        assertThat(next(got.get(0)).execution().status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
    }

    @Test
    void e4_finishingTheHeadNotifiesTheRestAndTheNextHeadThenAnEmptyQueue() {
        things("t1");
        job("j1", "t1");
        clock.advance(Duration.ofSeconds(1));
        job("j2", "t1");
        startNext("t1");
        takeAll();

        update("j1", "t1", JobExecutionStatus.SUCCEEDED);
        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(jobIds(pending(got.get(0)).queuedJobs())).containsExactly("j2");
        assertThat(headJob(got.get(1))).isEqualTo("j2");

        startNext("t1");
        update("j2", "t1", JobExecutionStatus.FAILED);
        got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(pending(got.get(0)).inProgressJobs()).isEmpty();
        assertThat(pending(got.get(0)).queuedJobs()).isEmpty();
        assertThat(next(got.get(1)).execution()).as("the queue became empty").isNull();
    }

    @Test
    void e4_endingAnExecutionBehindTheHeadKeepsTheHead() {
        things("t1");
        job("j1", "t1");
        clock.advance(Duration.ofSeconds(1));
        job("j2", "t1");
        takeAll();

        update("j2", "t1", JobExecutionStatus.REJECTED);

        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(1);
        assertThat(jobIds(pending(got.get(0)).queuedJobs())).containsExactly("j1");
    }

    @Test
    void e4_cancelingAJobNotifiesEachThingItLeaves() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        startNext("t2");
        takeAll();

        control().cancelJob(CancelJobRequest.builder().jobId("j1").build());

        assertThat(of("t1")).hasSize(2);
        assertThat(pending(of("t1").get(0)).queuedJobs()).isEmpty();
        assertThat(next(of("t1").get(1)).execution()).isNull();
        assertThat(of("t2")).as("without force the IN_PROGRESS execution goes on").isEmpty();

        control().cancelJob(CancelJobRequest.builder().jobId("j1").force(true).build());
        assertThat(of("t2")).hasSize(2);
        assertThat(next(of("t2").get(1)).execution()).isNull();
    }

    @Test
    void e4_cancelingOrDeletingOneExecutionNotifiesItsThing() {
        things("t1");
        job("j1", "t1");
        clock.advance(Duration.ofSeconds(1));
        job("j2", "t1");
        takeAll();

        control().cancelJobExecution(CancelJobExecutionRequest.builder().jobId("j1").thingName("t1").build());
        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(headJob(got.get(1))).isEqualTo("j2");

        control().deleteJobExecution(DeleteJobExecutionRequest.builder().jobId("j2").thingName("t1")
                .executionNumber(1L).build());
        got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(pending(got.get(0)).queuedJobs()).isEmpty();
        assertThat(next(got.get(1)).execution()).isNull();
    }

    @Test
    void e4_aTimeoutThatQueuesARetryNotifiesOnceWithTheNewExecution() {
        things("t1");
        job("j1", b -> b.timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(1L).build())
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.TIMED_OUT).numberOfRetries(1).build()).build()), "t1");
        startNext("t1");
        takeAll();

        clock.advance(Duration.ofMinutes(2));
        engine.runDueWork();

        List<ThingEvent> got = takeAll();
        assertThat(got).as("one notify and one notify-next for the commit that timed out and queued again")
                .hasSize(2);
        JobExecutionSummary retry = pending(got.get(0)).queuedJobs().get(0);
        assertThat(retry.executionNumber()).isEqualTo(2L);
        assertThat(next(got.get(1)).execution().executionNumber()).isEqualTo(2L);
        assertThat(next(got.get(1)).execution().status()).isEqualTo(JobExecutionStatus.QUEUED);
    }

    @Test
    void e4_aRolloutWindowReleasedByDueWorkNotifiesTheThingsItReaches() {
        things("t1", "t2");
        job("j1", b -> b.jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(1)
                .build()), "t1", "t2");
        assertThat(of("t1")).hasSize(2);
        assertThat(of("t2")).as("held back: no execution, no notification").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        engine.runDueWork();

        assertThat(of("t2")).hasSize(2);
        assertThat(headJob(of("t2").get(1))).isEqualTo("j1");
    }

    @Test
    void e4_deletingAThingNotifiesItsEmptyQueue() {
        things("t1");
        job("j1", "t1");
        takeAll();

        registry().deleteThing(DeleteThingRequest.builder().thingName("t1").build());

        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(pending(got.get(0)).queuedJobs()).isEmpty();
        assertThat(next(got.get(1)).execution()).isNull();
    }

    @Test
    void e4_aForcedDeleteOfAJobNotifiesItsThingsAsItsExecutionsGo() {
        things("t1");
        job("j1", "t1");
        clock.advance(Duration.ofSeconds(1));
        job("j2", "t1");
        takeAll();

        control().deleteJob(DeleteJobRequest.builder().jobId("j1").force(true).build());
        engine.runDueWork();

        List<ThingEvent> got = takeAll();
        assertThat(got).hasSize(2);
        assertThat(jobIds(pending(got.get(0)).queuedJobs())).containsExactly("j2");
        assertThat(headJob(got.get(1))).isEqualTo("j2");
    }

    @Test
    void e4_aNotifyCarriesAtMostTenExecutionsInProgressFirst() {
        things("t1");
        for (int i = 0; i < 12; i++) {
            job(String.format("j%02d", i), "t1");
            clock.advance(Duration.ofSeconds(1));
        }
        update("j05", "t1", JobExecutionStatus.IN_PROGRESS);
        takeAll();

        job("late", "t1");

        PendingJobExecutionsChanged notify = pending(takeAll().get(0));
        assertThat(jobIds(notify.inProgressJobs())).containsExactly("j05");
        assertThat(jobIds(notify.queuedJobs())).containsExactly("j00", "j01", "j02", "j03", "j04", "j06", "j07",
                "j08", "j09");
        assertThat(pendingNow("t1").queuedJobs()).isEqualTo(notify.queuedJobs());
    }

    @Test
    void e4_theLastNotifyOfAThingIsItsPendingSet() {
        things("t1", "t2");
        job("j1", "t1", "t2");
        clock.advance(Duration.ofSeconds(1));
        job("j2", "t1");
        startNext("t1");
        update("j1", "t1", JobExecutionStatus.SUCCEEDED);
        startNext("t1");
        clock.advance(Duration.ofSeconds(1));
        job("j3", "t1", "t2");
        control().cancelJob(CancelJobRequest.builder().jobId("j1").build());

        for (String thing : List.of("t1", "t2")) {
            List<ThingEvent> got = of(thing);
            PendingJobExecutionsChanged last = got.stream().filter(e -> e instanceof PendingJobExecutionsChanged)
                    .map(e -> (PendingJobExecutionsChanged) e).reduce((a, b) -> b).orElseThrow();
            GetPendingJobExecutionsResponse now = pendingNow(thing);
            assertThat(last.inProgressJobs()).isEqualTo(now.inProgressJobs());
            assertThat(last.queuedJobs()).isEqualTo(now.queuedJobs());
            NextJobExecutionChanged lastNext = got.stream().filter(e -> e instanceof NextJobExecutionChanged)
                    .map(e -> (NextJobExecutionChanged) e).reduce((a, b) -> b).orElseThrow();
            String head = !now.inProgressJobs().isEmpty() ? now.inProgressJobs().get(0).jobId()
                    : now.queuedJobs().isEmpty() ? null : now.queuedJobs().get(0).jobId();
            assertThat(lastNext.execution() == null ? null : lastNext.execution().jobId()).isEqualTo(head);
            List<String> heads = got.stream().filter(e -> e instanceof NextJobExecutionChanged)
                    .map(e -> ((NextJobExecutionChanged) e).execution())
                    .map(e -> e == null ? "none" : e.jobId() + "#" + e.executionNumber()).toList();
            for (int i = 1; i < heads.size(); i++) {
                assertThat(heads.get(i)).as("notify-next only when the head changes: %s", heads)
                        .isNotEqualTo(heads.get(i - 1));
            }
        }
    }

    @Test
    void e4_anEngineWithoutDeviceNotificationsEmitsNone() {
        List<EngineEvent> all = new ArrayList<>();
        JobsEngine quiet = JobsEngine.builder().repository(repository).clock(clock).region(REGION)
                .accountId(ACCOUNT).deviceNotifications(false).build();
        quiet.events().subscribe(all::add);
        quiet.things().createThing(dev.iotjobs.api.control.CreateThingRequest.builder().thingName("q1").build());
        quiet.controlPlane().createJob(dev.iotjobs.api.control.CreateJobRequest.builder().jobId("jq").document(DOC)
                .targets(List.of(thingArn("q1"))).build());

        assertThat(all).isNotEmpty().noneMatch(e -> e instanceof ThingEvent);
    }
}
