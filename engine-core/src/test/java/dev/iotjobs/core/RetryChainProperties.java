package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.RemoveThingFromThingGroupRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.rules.Retries;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.RetriesUsed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * SPEC T5, G7: for random retry configurations and random sequences of FAILED and TIMED_OUT endings and rejoins of
 * one thing to a CONTINUOUS job's group, every execution carries the retries its chain used, equal to the endings of
 * the chain's earlier executions (what the engine used to count by listing them), and the engine retries exactly as
 * a model of the allowances says.
 */
public abstract class RetryChainProperties {
    private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";

    /** @return a fresh, empty store of the kind under test */
    protected abstract JobRepository newRepository();

    /** One step of the sequence. */
    enum Step { FAIL, TIME_OUT, REJOIN }

    /**
     * The retry configuration's numbers: each criterion's retries, null when the job has no such criterion.
     *
     * @param failed FAILED's
     * @param timedOut TIMED_OUT's
     * @param all ALL's
     */
    record Allowances(Integer failed, Integer timedOut, Integer all) {
        int of(JobExecutionStatus ending) {
            Integer own = ending == JobExecutionStatus.FAILED ? failed : timedOut;
            return own != null ? own : all != null ? all : 0;
        }

        JobExecutionsRetryConfig config() {
            List<RetryCriteria> criteria = new ArrayList<>();
            add(criteria, RetryableFailureType.FAILED, failed);
            add(criteria, RetryableFailureType.TIMED_OUT, timedOut);
            add(criteria, RetryableFailureType.ALL, all);
            return criteria.isEmpty() ? null : JobExecutionsRetryConfig.builder().criteriaList(criteria).build();
        }

        private static void add(List<RetryCriteria> criteria, RetryableFailureType type, Integer retries) {
            if (retries != null) {
                criteria.add(RetryCriteria.builder().failureType(type).numberOfRetries(retries).build());
            }
        }
    }

    @Provide
    Arbitrary<Allowances> allowances() {
        Arbitrary<Integer> retries = Arbitraries.integers().between(0, 3).injectNull(0.3);
        return Combinators.combine(retries, retries, retries).as(Allowances::new)
                .filter(a -> a.failed() == null || a.timedOut() == null || a.all() == null);   // at most 2 criteria
    }

    @Property(tries = 200)
    void theRetriesUsedOnEveryExecutionAreTheEndingsBeforeItInItsChain(
            @ForAll("allowances") Allowances allowed, @ForAll @Size(max = 16) List<Step> steps) {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobRepository repository = newRepository();
        JobsEngine engine = JobsEngine.builder().repository(repository).clock(clock).build();
        engine.things().createThing(CreateThingRequest.builder().thingName("a").build());
        engine.things().createThingGroup(CreateThingGroupRequest.builder().thingGroupName("g").build());
        engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("g")
                .thingName("a").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("c").document("{}")
                .targetSelection(TargetSelection.CONTINUOUS).targets(ARN + "thinggroup/g")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(1L).build())
                .jobExecutionsRetryConfig(allowed.config()).build());
        // The model: whether the thing has a pending execution, and the retries its chain used.
        boolean pending = true;
        RetriesUsed used = RetriesUsed.NONE;
        for (Step step : steps) {
            switch (step) {
                case FAIL, TIME_OUT -> {
                    if (!pending) {
                        continue;
                    }
                    engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                            .thingName("a").build());
                    JobExecutionStatus ending;
                    if (step == Step.FAIL) {
                        ending = JobExecutionStatus.FAILED;
                        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("c")
                                .thingName("a").status(ending).build());
                    } else {
                        ending = JobExecutionStatus.TIMED_OUT;
                        clock.advance(Duration.ofMinutes(2));
                        engine.runDueWork();
                    }
                    pending = used.of(ending) < allowed.of(ending);
                    used = pending ? used.after(ending) : used;
                }
                case REJOIN -> {
                    // SPEC G3: the QUEUED execution becomes REMOVED; G2, G7: the rejoin starts a new chain.
                    engine.things().removeThingFromThingGroup(RemoveThingFromThingGroupRequest.builder()
                            .thingGroupName("g").thingName("a").build());
                    engine.things().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName("g")
                            .thingName("a").build());
                    pending = true;
                    used = RetriesUsed.NONE;
                }
            }
            List<ExecutionRecord> all = repository.listExecutionsForJob("c", null, null, 1000).items();
            ExecutionRecord latest = all.get(all.size() - 1);
            assertThat(latest.isPending()).as("a pending execution after %s", step).isEqualTo(pending);
            if (pending) {
                assertThat(latest.retriesUsed()).as("the pending execution's retries used after %s", step)
                        .isEqualTo(used);
            }
            for (ExecutionRecord e : all) {
                assertThat(e.retriesUsed()).as("retries used of execution %d", e.executionNumber())
                        .isEqualTo(Retries.used(e, all));
                assertThat(e.retriesUsed().failed() + e.retriesUsed().timedOut()).isEqualTo(e.retryAttempt());
            }
        }
    }
}
