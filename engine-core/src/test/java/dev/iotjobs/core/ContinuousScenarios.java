package dev.iotjobs.core;

import static dev.iotjobs.api.model.JobExecutionStatus.FAILED;
import static dev.iotjobs.api.model.JobExecutionStatus.IN_PROGRESS;
import static dev.iotjobs.api.model.JobExecutionStatus.QUEUED;
import static dev.iotjobs.api.model.JobExecutionStatus.REMOVED;
import static dev.iotjobs.api.model.JobExecutionStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForThingRequest;
import dev.iotjobs.api.control.RemoveThingFromThingGroupRequest;
import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.model.JobEndBehavior;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.TargetSelection;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Continuous jobs following group membership (SPEC G2, G3, G7) on the store under test: joins queue executions,
 * leaves remove queued ones, with counters (X1), versions (X4) and job events (E1) as everywhere.
 */
public abstract class ContinuousScenarios extends EngineFixture {

    /** A CONTINUOUS job over the given groups. */
    protected void continuous(String jobId, UnaryOperator<CreateJobRequest.Builder> config, String... groups) {
        CreateJobRequest.Builder builder = CreateJobRequest.builder().jobId(jobId).document(DOC)
                .targetSelection(TargetSelection.CONTINUOUS)
                .targets(java.util.Arrays.stream(groups).map(EngineFixture::groupArn).toList());
        control().createJob(config.apply(builder).build());
    }

    protected void join(String group, String thing) {
        registry().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName(group).thingName(thing)
                .build());
    }

    protected void leave(String group, String thing) {
        registry().removeThingFromThingGroup(RemoveThingFromThingGroupRequest.builder().thingGroupName(group)
                .thingName(thing).build());
    }

    private JobExecution execution(String jobId, String thing, long executionNumber) {
        return control().describeJobExecution(dev.iotjobs.api.control.DescribeJobExecutionRequest.builder()
                .jobId(jobId).thingName(thing).executionNumber(executionNumber).build()).execution();
    }

    private List<JobExecution> executionsOf(String jobId, String thing) {
        return control().listJobExecutionsForThing(ListJobExecutionsForThingRequest.builder().thingName(thing)
                        .jobId(jobId).build()).executionSummaries().stream()
                .map(s -> execution(jobId, thing, s.jobExecutionSummary().executionNumber()))
                .toList();
    }

    private static UnaryOperator<CreateJobRequest.Builder> perMinute(int rate) {
        return b -> b.jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(rate).build());
    }

    private void after(Duration step) {
        clock.advance(step);
        engine.runDueWork();
    }

    private void finish(String jobId, String thing, dev.iotjobs.api.model.JobExecutionStatus status) {
        startNext(thing);
        update(jobId, thing, status);
    }

    @Test
    void g2_joinQueuesExecutionAfterOriginalsFinished() {
        things("a", "b");
        group("g", null, "a");
        continuous("c", b -> b, "g");
        finish("c", "a", SUCCEEDED);
        assertThat(describe("c").status()).isEqualTo(JobStatus.IN_PROGRESS);

        join("g", "b");
        leave("g", "a");
        join("g", "a");

        JobExecution b = execution("c", "b");
        assertThat(b.status()).isEqualTo(QUEUED);
        assertThat(b.executionNumber()).isEqualTo(1L);
        assertThat(b.versionNumber()).isEqualTo(1L);
        assertThat(b.queuedAt()).isEqualTo(clock.instant());
        JobExecution a = execution("c", "a");
        assertThat(a.executionNumber()).as("after the thing's earlier execution").isEqualTo(2L);
        assertThat(a.status()).isEqualTo(QUEUED);
        assertThat(execution("c", "a", 1).status()).isEqualTo(SUCCEEDED);
        JobProcessDetails counters = counters("c");
        assertThat(counters.numberOfQueuedThings()).isEqualTo(2);
        assertThat(counters.numberOfSucceededThings()).isEqualTo(1);
        engine.relayEvents();
        assertThat(eventsOf(JobExecutionCreated.class)).extracting(JobExecutionCreated::thingName,
                JobExecutionCreated::executionNumber).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 1L), org.assertj.core.groups.Tuple.tuple("b", 1L),
                org.assertj.core.groups.Tuple.tuple("a", 2L));
    }

    @Test
    void g2_joinOfDescendantGroup() {
        things("a");
        group("root", null);
        group("mid", "root");
        group("leaf", "mid");
        continuous("c", b -> b, "root");
        join("leaf", "a");
        assertThat(execution("c", "a").status()).isEqualTo(QUEUED);
        assertThat(counters("c").numberOfQueuedThings()).isEqualTo(1);
    }

    @Test
    void g2_alreadyPendingGetsNone() {
        things("a", "b");
        group("g1", null, "a");
        group("g2", null);
        continuous("c", b -> b, "g1", "g2");
        join("g2", "a");
        startNext("a");
        group("g3", "g2");
        join("g3", "a");
        assertThat(executionsOf("c", "a")).hasSize(1);
        assertThat(execution("c", "a").status()).isEqualTo(IN_PROGRESS);
        join("g1", "a");   // already a member: nothing at all
        JobProcessDetails counters = counters("c");
        assertThat(counters.numberOfInProgressThings()).isEqualTo(1);
        assertThat(counters.numberOfQueuedThings()).isZero();
    }

    @Test
    void g2_rolloutHoldsJoinBack() {
        things("a", "b", "c");
        group("g", null, "a");
        continuous("j", perMinute(1), "g");
        assertThat(execution("j", "a").status()).isEqualTo(QUEUED);
        join("g", "b");
        join("g", "c");
        assertThat(executionsOf("j", "b")).as("held back for the next window").isEmpty();
        assertThat(describe("j").isConcurrent()).isTrue();
        assertThat(counters("j").processingTargets()).containsExactly(groupArn("g"));

        after(Duration.ofMinutes(1));
        assertThat(execution("j", "b").status()).isEqualTo(QUEUED);
        assertThat(executionsOf("j", "c")).isEmpty();
        after(Duration.ofMinutes(1));
        assertThat(execution("j", "c").status()).isEqualTo(QUEUED);
        assertThat(describe("j").isConcurrent()).isFalse();
        assertThat(counters("j").numberOfQueuedThings()).isEqualTo(3);
    }

    @Test
    void g2_rolloutReachesARejoinedThingWithItsNextExecutionNumber() {
        things("a", "b");
        group("g", null, "a", "b");
        continuous("j", perMinute(1), "g");
        finish("j", "a", SUCCEEDED);
        after(Duration.ofMinutes(1));
        leave("g", "a");
        join("g", "a");
        assertThat(executionsOf("j", "a")).hasSize(1);
        after(Duration.ofMinutes(1));
        assertThat(execution("j", "a").executionNumber()).isEqualTo(2L);
        assertThat(execution("j", "a").status()).isEqualTo(QUEUED);
    }

    @Test
    void g2_scheduledJobReachesJoinedThingAtStart() {
        things("a", "b");
        group("g", null, "a");
        continuous("c", b -> b.schedulingConfig(SchedulingConfig.builder().startTime("2026-01-01T00:10").build()),
                "g");
        join("g", "b");
        assertThat(executionsOf("c", "b")).isEmpty();
        assertThat(describe("c").status()).isEqualTo(JobStatus.SCHEDULED);

        after(Duration.ofMinutes(10));
        assertThat(describe("c").status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(execution("c", "a").status()).isEqualTo(QUEUED);
        assertThat(execution("c", "b").status()).isEqualTo(QUEUED);
        assertThat(counters("c").numberOfQueuedThings()).isEqualTo(2);
    }

    @Test
    void g2_pastEndGetsNone() {
        things("a", "b", "c", "d");
        group("g", null);
        continuous("ends", b -> b.schedulingConfig(SchedulingConfig.builder().endTime("2026-01-01T00:00:30")
                .endBehavior(JobEndBehavior.STOP_ROLLOUT).build()), "g");
        continuous("canceled", b -> b, "g");
        control().cancelJob(CancelJobRequest.builder().jobId("canceled").build());
        join("g", "a");
        assertThat(execution("ends", "a").status()).as("before its end").isEqualTo(QUEUED);

        after(Duration.ofMinutes(1));
        join("g", "b");
        assertThat(executionsOf("ends", "b")).isEmpty();
        assertThat(executionsOf("canceled", "b")).isEmpty();
        assertThat(executionsOf("canceled", "a")).isEmpty();
        assertThat(counters("ends").numberOfQueuedThings()).isEqualTo(1);
    }

    @Test
    void g2_snapshotIgnoresJoins() {
        things("a", "b");
        group("g", null, "a");
        control().createJob(CreateJobRequest.builder().jobId("s").document(DOC).targets(groupArn("g")).build());
        join("g", "b");
        assertThat(executionsOf("s", "b")).isEmpty();
        leave("g", "a");
        assertThat(execution("s", "a").status()).as("G3 is for continuous jobs").isEqualTo(QUEUED);
    }

    @Test
    void g3_leaveRemovesQueued() {
        things("a");
        group("g", null, "a");
        continuous("c", b -> b, "g");
        leave("g", "a");
        JobExecution a = execution("c", "a");
        assertThat(a.status()).isEqualTo(REMOVED);
        assertThat(a.versionNumber()).isEqualTo(2L);
        JobProcessDetails counters = counters("c");
        assertThat(counters.numberOfQueuedThings()).isZero();
        assertThat(counters.numberOfRemovedThings()).isEqualTo(1);
        assertThat(describe("c").status()).as("a continuous job stays").isEqualTo(JobStatus.IN_PROGRESS);
        engine.relayEvents();
        assertThat(eventsOf(JobExecutionStatusChanged.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.from()).isEqualTo(QUEUED);
                    assertThat(e.to()).isEqualTo(REMOVED);
                    assertThat(e.versionNumber()).isEqualTo(2L);
                });
    }

    @Test
    void g3_leaveKeepsInProgress() {
        things("a");
        group("g", null, "a");
        continuous("c", b -> b, "g");
        startNext("a");
        leave("g", "a");
        assertThat(execution("c", "a").status()).isEqualTo(IN_PROGRESS);
        update("c", "a", SUCCEEDED);
        assertThat(counters("c").numberOfSucceededThings()).isEqualTo(1);
    }

    @Test
    void g3_stillTargetedOtherwiseKeepsQueued() {
        things("a", "b", "c");
        group("root", null);
        group("g1", "root", "a", "b");
        group("g2", null, "a");
        group("other", "root", "b");
        control().createJob(CreateJobRequest.builder().jobId("j").document(DOC)
                .targetSelection(TargetSelection.CONTINUOUS)
                .targets(List.of(groupArn("g1"), groupArn("g2"), groupArn("other"), thingArn("c"))).build());
        group("h", null, "c");
        control().associateTargetsWithJob(dev.iotjobs.api.control.AssociateTargetsWithJobRequest.builder()
                .jobId("j").targets(List.of(groupArn("h"))).build());

        leave("g1", "a");   // still in g2
        leave("g1", "b");   // still in other
        leave("h", "c");    // still its own ARN
        for (String thing : List.of("a", "b", "c")) {
            assertThat(execution("j", thing).status()).as(thing).isEqualTo(QUEUED);
        }
        leave("g2", "a");
        assertThat(execution("j", "a").status()).isEqualTo(REMOVED);
        assertThat(counters("j").numberOfQueuedThings()).isEqualTo(2);
    }

    @Test
    void g3_leaveOfAHeldBackThingDropsItsRolloutTarget() {
        things("a", "b");
        group("g", null, "a", "b");
        continuous("j", perMinute(1), "g");
        assertThat(repository.rolloutTargets("j", 10)).extracting(t -> t.thingName()).containsExactly("b");
        leave("g", "b");
        assertThat(repository.rolloutTargets("j", 10)).isEmpty();
        assertThat(describe("j").isConcurrent()).isFalse();
        after(Duration.ofMinutes(2));
        assertThat(executionsOf("j", "b")).isEmpty();
    }

    @Test
    void g7_rejoinResetsRetries() {
        things("a");
        group("g", null, "a");
        continuous("c", b -> b.jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                RetryCriteria.builder().failureType(RetryableFailureType.FAILED).numberOfRetries(1).build())
                .build()), "g");
        finish("c", "a", FAILED);
        assertThat(execution("c", "a").executionNumber()).as("the retry").isEqualTo(2L);
        finish("c", "a", FAILED);
        assertThat(execution("c", "a").executionNumber()).as("no retry left").isEqualTo(2L);

        leave("g", "a");
        join("g", "a");
        JobExecution rejoined = execution("c", "a");
        assertThat(rejoined.executionNumber()).isEqualTo(3L);
        assertThat(control().listJobExecutionsForJob(ListJobExecutionsForJobRequest.builder().jobId("c").build())
                .executionSummaries()).extracting(s -> s.jobExecutionSummary().retryAttempt())
                .containsExactly(0, 1, 0);
        finish("c", "a", FAILED);
        assertThat(execution("c", "a").executionNumber()).as("retries count from the rejoin").isEqualTo(4L);
        finish("c", "a", FAILED);
        assertThat(execution("c", "a").executionNumber()).isEqualTo(4L);
        assertThat(counters("c").numberOfFailedThings()).isEqualTo(4);
    }

    @Test
    void g2_g3_aContinuousJobOverAThousandThingsFollowsAThousandJoinsAndLeaves() {
        int size = 1000;
        registry().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("fleet").build());
        for (int i = 0; i < size; i++) {
            registry().createThing(CreateThingRequest.builder().thingName(String.format("d-%04d", i)).build());
        }
        for (int i = 0; i < size / 2; i++) {
            join("fleet", String.format("d-%04d", i));
        }
        continuous("c", b -> b, "fleet");
        assertThat(counters("c").numberOfQueuedThings()).isEqualTo(size / 2);
        for (int i = size / 2; i < size; i++) {
            join("fleet", String.format("d-%04d", i));
        }
        assertThat(counters("c").numberOfQueuedThings()).isEqualTo(size);
        for (int i = 0; i < size; i++) {
            leave("fleet", String.format("d-%04d", i));
        }
        JobProcessDetails counters = counters("c");
        assertThat(counters.numberOfQueuedThings()).isZero();
        assertThat(counters.numberOfRemovedThings()).isEqualTo(size);
        for (int i = 0; i < size / 2; i++) {
            join("fleet", String.format("d-%04d", i));
        }
        counters = counters("c");
        assertThat(counters.numberOfQueuedThings()).isEqualTo(size / 2);
        assertThat(counters.numberOfRemovedThings()).isEqualTo(size);
        assertThat(execution("c", "d-0000").executionNumber()).isEqualTo(2L);
    }
}
