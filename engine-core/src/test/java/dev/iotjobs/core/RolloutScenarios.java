package dev.iotjobs.core;

import static dev.iotjobs.api.model.JobExecutionStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.AssociateTargetsWithJobRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.control.UpdateJobRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.model.ExponentialRolloutRate;
import dev.iotjobs.api.model.JobEndBehavior;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.JobSummary;
import dev.iotjobs.api.model.RateIncreaseCriteria;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.TargetSelection;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Gradual rollout (SPEC T7, with J3, J8, X1 and T8's STOP_ROLLOUT) with an injected clock on the store under test.
 * Due work runs by hand; a window is 60 seconds.
 */
public abstract class RolloutScenarios extends EngineFixture {

    private static UnaryOperator<CreateJobRequest.Builder> perMinute(int rate) {
        return b -> b.jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(rate).build());
    }

    private static UnaryOperator<CreateJobRequest.Builder> exponential(int base, double factor, Integer notified,
                                                                    Integer succeeded, Integer maximum) {
        return b -> b.jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(maximum)
                .exponentialRate(ExponentialRolloutRate.builder().baseRatePerMinute(base).incrementFactor(factor)
                        .rateIncreaseCriteria(RateIncreaseCriteria.builder().numberOfNotifiedThings(notified)
                                .numberOfSucceededThings(succeeded).build())
                        .build())
                .build());
    }

    /** Things named so that their name order differs from the order they are registered and targeted in. */
    private static String[] fleet(int size) {
        return IntStream.range(0, size).mapToObj(i -> String.format("dev-%02d", size - 1 - i)).toArray(String[]::new);
    }

    private int created(String jobId) {
        return (int) eventsOf(JobExecutionCreated.class).stream().filter(e -> e.jobId().equals(jobId)).count();
    }

    private List<String> executedThings(String jobId) {
        return control().listJobExecutionsForJob(ListJobExecutionsForJobRequest.builder().jobId(jobId)
                        .maxResults(250).build()).executionSummaries().stream()
                .map(summary -> summary.thingArn().substring(summary.thingArn().lastIndexOf('/') + 1))
                .toList();
    }

    private void after(Duration step) {
        clock.advance(step);
        engine.runDueWork();
        engine.relayEvents();
    }

    @Test
    void t7_withoutARolloutConfigEveryTargetRollsOutAtCreation() {
        String[] fleet = fleet(5);
        things(fleet);
        job("j1", fleet);
        engine.relayEvents();

        assertThat(created("j1")).isEqualTo(5);
        assertThat(describe("j1").isConcurrent()).isFalse();
        assertThat(counters("j1").processingTargets()).isEmpty();
    }

    @Test
    void t7_maximumPerMinuteCreatesAtMostThatManyPerWindowInThingNameOrder() {
        String[] fleet = fleet(7);
        things(fleet);
        job("j1", perMinute(3), fleet);
        engine.relayEvents();

        assertThat(executedThings("j1")).as("the first window starts at once")
                .containsExactly("dev-00", "dev-01", "dev-02");
        assertThat(counters("j1").numberOfQueuedThings()).isEqualTo(3);
        after(Duration.ofSeconds(59));
        assertThat(created("j1")).isEqualTo(3);
        after(Duration.ofSeconds(1));
        assertThat(executedThings("j1")).containsExactly("dev-00", "dev-01", "dev-02", "dev-03", "dev-04",
                "dev-05");
        after(Duration.ofSeconds(60));
        assertThat(created("j1")).isEqualTo(7);
        assertThat(counters("j1").numberOfQueuedThings()).isEqualTo(7);
        assertThat(describe("j1").isConcurrent()).isFalse();
    }

    @Test
    void t7_dueWorkRunningLateNeverPutsTwoWindowsIntoOneMinute() {
        String[] fleet = fleet(6);
        things(fleet);
        job("j1", perMinute(2), fleet);

        after(Duration.ofSeconds(90));
        assertThat(executedThings("j1")).hasSize(4);
        after(Duration.ofSeconds(50));
        assertThat(executedThings("j1")).as("60 s after the late window, not on the minute grid").hasSize(4);
        after(Duration.ofSeconds(10));
        assertThat(executedThings("j1")).hasSize(6);
    }

    @Test
    void t7_j3_targetsNotYetRolledOutHaveNoExecution() {
        String[] fleet = fleet(3);
        things(fleet);
        job("j1", perMinute(1), fleet);

        assertThatThrownBy(() -> execution("j1", "dev-01")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(device().getPendingJobExecutions(GetPendingJobExecutionsRequest.builder().thingName("dev-01")
                .build()).queuedJobs()).isEmpty();
        assertThat(startNext("dev-01")).isNull();
        assertThat(startNext("dev-00").jobId()).isEqualTo("j1");
        assertThat(counters("j1").numberOfQueuedThings() + counters("j1").numberOfInProgressThings())
                .isEqualTo(1);
    }

    @Test
    void t7_x1_processingTargetsListTheTargetsStillRollingOut() {
        things("a", "b", "c", "d");
        group("g", null, "b", "c", "d");
        control().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                .targets(List.of(thingArn("a"), groupArn("g")))
                .jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(2).build())
                .build());

        assertThat(describe("j1").isConcurrent()).isTrue();
        assertThat(counters("j1").processingTargets()).as("thing/a rolled out with b").containsExactly(groupArn("g"));
        assertThat(control().listJobs(ListJobsRequest.builder().build()).jobs())
                .extracting(JobSummary::isConcurrent).containsExactly(true);

        after(Duration.ofMinutes(1));
        assertThat(counters("j1").processingTargets()).isEmpty();
        assertThat(describe("j1").isConcurrent()).isFalse();
        assertThat(control().listJobs(ListJobsRequest.builder().build()).jobs())
                .extracting(JobSummary::isConcurrent).containsExactly(false);
    }

    @Test
    void t7_j8_aSnapshotJobCompletesOnlyOnceNothingIsLeftToRollOut() {
        things("a", "b");
        job("j1", perMinute(1), "a", "b");
        startNext("a");
        update("j1", "a", SUCCEEDED);
        assertThat(describe("j1").status()).as("b is still to roll out").isEqualTo(JobStatus.IN_PROGRESS);

        after(Duration.ofMinutes(1));
        assertThat(describe("j1").status()).isEqualTo(JobStatus.IN_PROGRESS);
        startNext("b");
        update("j1", "b", SUCCEEDED);
        assertThat(describe("j1").status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void t7_aThingDeletedBeforeItsTurnIsSkippedAndTheJobStillCompletes() {
        things("a", "b");
        job("j1", perMinute(1), "a", "b");
        registry().deleteThing(DeleteThingRequest.builder().thingName("b").build());
        startNext("a");
        update("j1", "a", SUCCEEDED);

        after(Duration.ofMinutes(1));

        assertThat(executedThings("j1")).containsExactly("a");
        assertThat(describe("j1").status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(counters("j1").processingTargets()).isEmpty();
    }

    @Test
    void t7_exponentialRateGrowsWithNotifiedThingsFromTheNextWindow() {
        String[] fleet = fleet(20);
        things(fleet);
        job("j1", exponential(2, 2.0, 2, null, null), fleet);
        assertThat(executedThings("j1")).hasSize(2);

        after(Duration.ofMinutes(1));   // 2 notified since the start: one increase, rate 4
        assertThat(executedThings("j1")).hasSize(6);
        after(Duration.ofMinutes(1));   // 4 more notified: two increases, rate 16
        assertThat(executedThings("j1")).hasSize(20);
    }

    @Test
    void t7_exponentialRateGrowsWithSucceededThings() {
        String[] fleet = fleet(10);
        things(fleet);
        job("j1", exponential(1, 2.0, null, 1, null), fleet);
        startNext("dev-00");
        update("j1", "dev-00", SUCCEEDED);

        after(Duration.ofMinutes(1));   // one success: rate 2
        assertThat(executedThings("j1")).hasSize(3);
        after(Duration.ofMinutes(1));   // no success since: still 2
        assertThat(executedThings("j1")).hasSize(5);
    }

    @Test
    void t7_theRateNeverExceedsMaximumPerMinute() {
        String[] fleet = fleet(30);
        things(fleet);
        job("j1", exponential(5, 5.0, 1, null, 10), fleet);
        assertThat(executedThings("j1")).hasSize(5);

        after(Duration.ofMinutes(1));
        assertThat(executedThings("j1")).hasSize(15);
        after(Duration.ofMinutes(1));
        assertThat(executedThings("j1")).hasSize(25);
    }

    @Test
    void t7_j6_aNewRateAppliesFromTheNextWindowNotTheCurrentOne() {
        String[] fleet = fleet(10);
        things(fleet);
        job("j1", perMinute(2), fleet);
        clock.advance(Duration.ofSeconds(10));
        control().updateJob(UpdateJobRequest.builder().jobId("j1").jobExecutionsRolloutConfig(
                JobExecutionsRolloutConfig.builder().maximumPerMinute(5).build()).build());

        after(Duration.ofSeconds(20));
        assertThat(executedThings("j1")).hasSize(2);
        after(Duration.ofSeconds(30));
        assertThat(executedThings("j1")).hasSize(7);
        assertThat(describe("j1").jobExecutionsRolloutConfig().maximumPerMinute()).isEqualTo(5);
    }

    @Test
    void t7_j7_cancelStopsTheRollout() {
        String[] fleet = fleet(3);
        things(fleet);
        job("j1", perMinute(1), fleet);

        control().cancelJob(CancelJobRequest.builder().jobId("j1").build());
        assertThat(repository.rolloutTargets("j1", 10)).as("nothing is held back any more").isEmpty();
        after(Duration.ofMinutes(5));

        assertThat(executedThings("j1")).containsExactly("dev-00");
        assertThat(counters("j1").numberOfCanceledThings()).isEqualTo(1);
        assertThat(describe("j1").isConcurrent()).isFalse();
        assertThat(counters("j1").processingTargets()).isEmpty();
    }

    @Test
    void t8_stopRolloutAtEndTimeStopsCreatingExecutionsAndTheJobCompletesWhenTheyEnd() {
        things("a", "b", "c");
        job("j1", b -> perMinute(1).apply(b).schedulingConfig(SchedulingConfig.builder()
                .endTime("2026-01-01T00:01:30").endBehavior(JobEndBehavior.STOP_ROLLOUT).build()), "a", "b", "c");
        startNext("a");
        update("j1", "a", SUCCEEDED);

        after(Duration.ofMinutes(1));
        assertThat(executedThings("j1")).containsExactly("a", "b");
        after(Duration.ofSeconds(30));
        assertThat(describe("j1").isConcurrent()).isFalse();
        after(Duration.ofMinutes(5));
        assertThat(executedThings("j1")).as("c is never rolled out").containsExactly("a", "b");
        assertThat(describe("j1").status()).isEqualTo(JobStatus.IN_PROGRESS);
        startNext("b");
        update("j1", "b", SUCCEEDED);
        assertThat(describe("j1").status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void t8_aScheduledJobRollsOutGraduallyFromItsStartTime() {
        String[] fleet = fleet(3);
        things(fleet);
        job("j1", b -> perMinute(2).apply(b).schedulingConfig(SchedulingConfig.builder()
                .startTime("2026-01-01T00:10").build()), fleet);

        after(Duration.ofMinutes(10));
        assertThat(describe("j1").status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(executedThings("j1")).containsExactly("dev-00", "dev-01");
        after(Duration.ofMinutes(1));
        assertThat(executedThings("j1")).hasSize(3);
    }

    @Test
    void t7_g5_targetsAddedToAContinuousJobWaitForTheirWindows() {
        things("a", "b", "c");
        group("g", null, "b", "c");
        job("j1", b -> perMinute(1).apply(b).targetSelection(TargetSelection.CONTINUOUS), "a");
        control().associateTargetsWithJob(AssociateTargetsWithJobRequest.builder().jobId("j1")
                .targets(List.of(groupArn("g"))).build());

        assertThat(counters("j1").processingTargets()).containsExactly(groupArn("g"));
        after(Duration.ofMinutes(1));
        assertThat(executedThings("j1")).containsExactly("a", "b");
        control().associateTargetsWithJob(AssociateTargetsWithJobRequest.builder().jobId("j1")
                .targets(List.of(thingArn("c"))).build());
        after(Duration.ofMinutes(1));
        assertThat(executedThings("j1")).as("c once, though two targets reach it").containsExactly("a", "b", "c");
        assertThat(counters("j1").processingTargets()).isEmpty();
        assertThat(counters("j1").numberOfQueuedThings()).isEqualTo(3);
    }

    @Test
    void t7_x1_aNewTargetReachingAHeldBackThingIsProcessingUntilTheThingRollsOut() {
        things("a", "b", "c");
        group("g", null, "b", "c");
        control().createJob(CreateJobRequest.builder().jobId("j1").document(DOC)
                .targets(List.of(thingArn("a"), groupArn("g"))).targetSelection(TargetSelection.CONTINUOUS)
                .jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(1).build())
                .build());
        control().associateTargetsWithJob(AssociateTargetsWithJobRequest.builder().jobId("j1")
                .targets(List.of(thingArn("c"))).build());

        assertThat(counters("j1").processingTargets()).containsExactly(groupArn("g"), thingArn("c"));
        after(Duration.ofMinutes(1));
        assertThat(counters("j1").processingTargets()).containsExactly(groupArn("g"), thingArn("c"));
        after(Duration.ofMinutes(1));
        assertThat(executedThings("j1")).containsExactly("a", "b", "c");
        assertThat(counters("j1").processingTargets()).isEmpty();
    }

    @Test
    void t8_g5_aContinuousJobPastItsEndTakesNewTargetsButRollsOutNoMore() {
        things("a", "b", "c");
        UnaryOperator<CreateJobRequest.Builder> endsAt30s = b -> b.targetSelection(TargetSelection.CONTINUOUS)
                .schedulingConfig(SchedulingConfig.builder().endTime("2026-01-01T00:00:30")
                        .endBehavior(JobEndBehavior.STOP_ROLLOUT).build());
        job("gradual", b -> endsAt30s.apply(perMinute(1).apply(b)), "a", "b");
        job("atOnce", endsAt30s, "a");
        after(Duration.ofMinutes(1));
        assertThat(describe("gradual").isConcurrent()).isFalse();

        for (String jobId : List.of("gradual", "atOnce")) {
            control().associateTargetsWithJob(AssociateTargetsWithJobRequest.builder().jobId(jobId)
                    .targets(List.of(thingArn("b"), thingArn("c"))).build());
            assertThat(describe(jobId).isConcurrent()).as(jobId).isFalse();
            assertThat(counters(jobId).processingTargets()).as(jobId).isEmpty();
        }
        after(Duration.ofMinutes(2));

        assertThat(executedThings("gradual")).containsExactly("a");
        assertThat(executedThings("atOnce")).containsExactly("a");
        assertThat(describe("gradual").targets()).hasSize(3);
        assertThat(repository.rolloutTargets("gradual", 10)).isEmpty();
    }

    @Test
    void t7_j10_deletingAJobDropsWhatItHeldBack() {
        String[] fleet = fleet(12);
        things(fleet);
        job("j1", perMinute(1), fleet);
        control().deleteJob(dev.iotjobs.api.control.DeleteJobRequest.builder().jobId("j1").force(true).build());

        engine.runDueWork();

        assertThatThrownBy(() -> describe("j1")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(repository.rolloutTargets("j1", 100)).isEmpty();
        job("j1", perMinute(1), fleet);
        assertThat(executedThings("j1")).containsExactly("dev-00");
    }

    @Test
    void t7_t9_twoNodesRollOutEachWindowOnce() throws Exception {
        String[] fleet = fleet(9);
        things(fleet);
        job("j1", perMinute(3), fleet);
        JobsEngine other = JobsEngine.builder().repository(repository).clock(clock).region(REGION)
                .accountId(ACCOUNT).build();
        for (int window = 1; window <= 2; window++) {
            clock.advance(Duration.ofMinutes(1));
            Thread racing = new Thread(other::runDueWork);
            racing.start();
            engine.runDueWork();
            racing.join();
            assertThat(executedThings("j1")).hasSize(3 + 3 * window);
        }
        assertThat(counters("j1").numberOfQueuedThings()).isEqualTo(9);
        assertThat(executedThings("j1")).doesNotHaveDuplicates();
    }
}
