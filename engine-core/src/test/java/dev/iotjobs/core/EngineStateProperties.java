package dev.iotjobs.core;

import dev.iotjobs.api.control.CancelJobExecutionRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateJobTemplateRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DeleteJobExecutionRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DeleteJobTemplateRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.AbortAction;
import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.AbortCriteria;
import dev.iotjobs.api.model.JobExecutionFailureType;
import dev.iotjobs.api.model.ExponentialRolloutRate;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.RateIncreaseCriteria;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.TimeoutConfig;
import java.time.Duration;
import dev.iotjobs.spi.JobRepository;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of every operation on a small fleet, with time passing (timeouts, retries, abort criteria),
 * checking after each step that counters equal statuses and the fold of events (X1, E3), versions grow by exactly
 * one per change (X4), terminal stays terminal (X3), SNAPSHOT jobs complete exactly when nothing is pending (J8) and
 * rejected operations change nothing (V2), custom job templates among them (J14), and every member of a target group
 * of an IN_PROGRESS CONTINUOUS job has an execution of it or is held back by its rollout, through joins and leaves
 * (G2, G3). A failure shrinks to a short
 * printed sequence.
 */
public abstract class EngineStateProperties {

    /** @return a fresh, empty store of the kind under test */
    protected abstract JobRepository newRepository();

    @Property(tries = 1000)
    void everySequenceKeepsTheInvariants(@ForAll("sequences") ActionChain<FleetWorld> chain) {
        check(chain);
    }

    @Provide
    Arbitrary<ActionChain<FleetWorld>> sequences() {
        return sequences(this::newRepository);
    }

    /**
     * The operation sequences of this property, for a store whose own property runs them with fewer tries (a
     * database store, where 1000 tries take too long).
     *
     * @param repositories a fresh, empty store per sequence
     * @return random sequences of every operation on a small fleet over such a store
     */
    public static Arbitrary<ActionChain<FleetWorld>> sequences(Supplier<JobRepository> repositories) {
        return sequencesOf(() -> new FleetWorld(repositories.get()));
    }

    /**
     * @param worlds a fresh fleet per sequence, e.g. {@link FleetWorld#twins} to compare two stores
     * @return random sequences of every operation on it
     */
    public static Arbitrary<ActionChain<FleetWorld>> sequencesOf(Supplier<FleetWorld> worlds) {
        return ActionChain.startWith(worlds)
                .withAction(3, createJob())
                .withAction(4, startNext())
                .withAction(6, update())
                .withAction(1, cancelJob())
                .withAction(1, cancelExecution())
                .withAction(1, deleteExecution())
                .withAction(1, deleteJob())
                .withAction(1, dueWork())
                .withAction(1, deleteThing())
                .withAction(1, recreateThing())
                .withAction(2, advanceClock())
                .withAction(1, createJobTemplate())
                .withAction(1, deleteJobTemplate())
                .withAction(1, createJobFromTemplate())
                .withAction(2, joinGroup())
                .withAction(2, leaveGroup())
                .withMaxTransformations(30);
    }

    /** @param chain a sequence to run, checking every invariant after each step */
    public static void check(ActionChain<FleetWorld> chain) {
        chain.withInvariant("invariants", FleetWorld::checkInvariants).run();
    }

    /** One operation on the engine, with the text the shrunk sequence prints. */
    private record Step(String description, Function<JobsEngine, Object> operation) {
    }

    private static Action.Independent<FleetWorld> action(Arbitrary<Step> steps) {
        return () -> steps.map(step -> Transformer.mutate(step.description(),
                world -> world.apply(step.description(), step.operation())));
    }

    private static Arbitrary<String> jobIds() {
        return Arbitraries.of(FleetWorld.JOB_IDS);
    }

    private static Arbitrary<String> things() {
        return Arbitraries.of(FleetWorld.THINGS);
    }

    private static Arbitrary<Long> maybeVersion() {
        return Arbitraries.longs().between(1, 6).injectNull(0.6);
    }

    private static Action.Independent<FleetWorld> createJob() {
        Arbitrary<List<String>> targets = Arbitraries.oneOf(
                things().map(t -> "thing/" + t), Arbitraries.of(FleetWorld.GROUPS).map(g -> "thinggroup/" + g))
                .list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<TimeoutConfig> timeouts = Arbitraries.longs().between(1, 5)
                .map(m -> TimeoutConfig.builder().inProgressTimeoutInMinutes(m).build()).injectNull(0.5);
        Arbitrary<JobExecutionsRetryConfig> retries = Combinators.combine(
                        Arbitraries.of(RetryableFailureType.values()), Arbitraries.integers().between(0, 2))
                .as((type, count) -> JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(type).numberOfRetries(count).build()).build())
                .injectNull(0.5);
        Arbitrary<AbortConfig> aborts = Combinators.combine(Arbitraries.of(JobExecutionFailureType.values()),
                        Arbitraries.of(25.0, 50.0, 100.0), Arbitraries.integers().between(1, 3))
                .as((type, percent, minimum) -> AbortConfig.builder().criteriaList(AbortCriteria.builder()
                        .failureType(type).action(AbortAction.CANCEL).thresholdPercentage(percent)
                        .minNumberOfExecutedThings(minimum).build()).build())
                .injectNull(0.6);
        // SPEC T7: a fixed rate, or an exponential one growing with notified or succeeded things.
        Arbitrary<JobExecutionsRolloutConfig> rollouts = Arbitraries.oneOf(
                        Arbitraries.integers().between(1, 3)
                                .map(rate -> JobExecutionsRolloutConfig.builder().maximumPerMinute(rate).build()),
                        Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.of(true, false))
                                .as((base, byNotified) -> JobExecutionsRolloutConfig.builder().maximumPerMinute(4)
                                        .exponentialRate(ExponentialRolloutRate.builder().baseRatePerMinute(base)
                                                .incrementFactor(2.0).rateIncreaseCriteria(RateIncreaseCriteria
                                                        .builder().numberOfNotifiedThings(byNotified ? 2 : null)
                                                        .numberOfSucceededThings(byNotified ? null : 1).build())
                                                .build())
                                        .build()))
                .injectNull(0.6);
        return action(Combinators.combine(jobIds(), targets, Arbitraries.of(TargetSelection.values()), timeouts,
                        retries, aborts, rollouts)
                .as((jobId, paths, selection, timeout, retry, abort, rollout) -> new Step("createJob " + jobId + " "
                        + paths + " " + selection
                        + (timeout == null ? "" : " timeout=" + timeout.inProgressTimeoutInMinutes())
                        + (retry == null ? "" : " retry=" + retry.criteriaList().get(0))
                        + (abort == null ? "" : " abort=" + abort.criteriaList().get(0))
                        + (rollout == null ? "" : " rollout=" + rollout),
                        engine -> engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId)
                                .document("{\"v\":1}").targetSelection(selection).timeoutConfig(timeout)
                                .jobExecutionsRetryConfig(retry).abortConfig(abort).jobExecutionsRolloutConfig(rollout)
                                .targets(paths.stream().map(p -> "arn:aws:iot:us-east-1:123456789012:" + p).toList())
                                .build()))));
    }

    private static Arbitrary<String> templateIds() {
        return Arbitraries.of(FleetWorld.TEMPLATE_IDS);
    }

    /** SPEC J14: a template from a document, or copied from a job (which may not exist), maybe with a timeout. */
    private static Action.Independent<FleetWorld> createJobTemplate() {
        Arbitrary<TimeoutConfig> timeouts = Arbitraries.longs().between(1, 5)
                .map(m -> TimeoutConfig.builder().inProgressTimeoutInMinutes(m).build()).injectNull(0.5);
        return action(Combinators.combine(templateIds(), jobIds().injectNull(0.5), timeouts)
                .as((id, fromJob, timeout) -> new Step("createJobTemplate " + id
                        + (fromJob == null ? "" : " from " + fromJob)
                        + (timeout == null ? "" : " timeout=" + timeout.inProgressTimeoutInMinutes()),
                        engine -> engine.controlPlane().createJobTemplate(CreateJobTemplateRequest.builder()
                                .jobTemplateId(id).description("template " + id)
                                .document(fromJob == null ? "{\"t\":\"" + id + "\"}" : null)
                                .jobArn(fromJob == null ? null : "arn:aws:iot:us-east-1:123456789012:job/" + fromJob)
                                .timeoutConfig(timeout).build()))));
    }

    private static Action.Independent<FleetWorld> deleteJobTemplate() {
        return action(templateIds().map(id -> new Step("deleteJobTemplate " + id,
                engine -> engine.controlPlane().deleteJobTemplate(DeleteJobTemplateRequest.builder()
                        .jobTemplateId(id).build()))));
    }

    /** SPEC J14: a job from a template (which may not exist), maybe with its own timeout. */
    private static Action.Independent<FleetWorld> createJobFromTemplate() {
        Arbitrary<TimeoutConfig> timeouts = Arbitraries.longs().between(1, 5)
                .map(m -> TimeoutConfig.builder().inProgressTimeoutInMinutes(m).build()).injectNull(0.6);
        return action(Combinators.combine(jobIds(), templateIds(), things(), timeouts)
                .as((jobId, templateId, thing, timeout) -> new Step("createJob " + jobId + " from " + templateId
                        + " on " + thing + (timeout == null ? "" : " timeout=" + timeout.inProgressTimeoutInMinutes()),
                        engine -> engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId)
                                .jobTemplateArn("arn:aws:iot:us-east-1:123456789012:jobtemplate/" + templateId)
                                .targets("arn:aws:iot:us-east-1:123456789012:thing/" + thing)
                                .timeoutConfig(timeout).build()))));
    }

    private static Action.Independent<FleetWorld> advanceClock() {
        // Seconds as well as minutes, so that rollout windows (SPEC T7) are probed inside their 60 seconds.
        return () -> Arbitraries.integers().between(1, 48).map(quarters -> Duration.ofSeconds(15L * quarters))
                .map(step -> Transformer.mutate("advance " + step.toSeconds() + " s",
                        world -> world.advanceClock(step)));
    }

    private static Action.Independent<FleetWorld> startNext() {
        return action(Combinators.combine(things(), Arbitraries.longs().between(1, 10).injectNull(0.7))
                .as((thing, step) -> new Step("startNext " + thing + (step == null ? "" : " step=" + step),
                        engine -> engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest
                                .builder().thingName(thing).stepTimeoutInMinutes(step).build()))));
    }

    private static Action.Independent<FleetWorld> update() {
        return action(Combinators.combine(jobIds(), things(), Arbitraries.of(JobExecutionStatus.values()),
                        maybeVersion(), Arbitraries.longs().between(1, 3).injectNull(0.7),
                        Arbitraries.maps(Arbitraries.of("step", "pct"), Arbitraries.of("1", "2")).ofMaxSize(2))
                .as((jobId, thing, status, version, number, details) -> new Step("update " + jobId + "/" + thing
                        + " " + status + " expectedVersion=" + version + " executionNumber=" + number + " " + details,
                        engine -> engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder()
                                .jobId(jobId).thingName(thing).status(status).expectedVersion(version)
                                .executionNumber(number).statusDetails(details).build()))));
    }

    private static Action.Independent<FleetWorld> cancelJob() {
        return action(Combinators.combine(jobIds(), Arbitraries.of(true, false))
                .as((jobId, force) -> new Step("cancelJob " + jobId + " force=" + force,
                        engine -> engine.controlPlane().cancelJob(CancelJobRequest.builder().jobId(jobId)
                                .force(force).build()))));
    }

    private static Action.Independent<FleetWorld> cancelExecution() {
        return action(Combinators.combine(jobIds(), things(), Arbitraries.of(true, false), maybeVersion())
                .as((jobId, thing, force, version) -> new Step("cancelExecution " + jobId + "/" + thing + " force="
                        + force + " expectedVersion=" + version,
                        engine -> engine.controlPlane().cancelJobExecution(CancelJobExecutionRequest.builder()
                                .jobId(jobId).thingName(thing).force(force).expectedVersion(version).build()))));
    }

    private static Action.Independent<FleetWorld> deleteExecution() {
        return action(Combinators.combine(jobIds(), things(), Arbitraries.longs().between(1, 2),
                        Arbitraries.of(true, false))
                .as((jobId, thing, number, force) -> new Step("deleteExecution " + jobId + "/" + thing + "#" + number
                        + " force=" + force,
                        engine -> engine.controlPlane().deleteJobExecution(DeleteJobExecutionRequest.builder()
                                .jobId(jobId).thingName(thing).executionNumber(number).force(force).build()))));
    }

    private static Action.Independent<FleetWorld> deleteJob() {
        return action(Combinators.combine(jobIds(), Arbitraries.of(true, false))
                .as((jobId, force) -> new Step("deleteJob " + jobId + " force=" + force,
                        engine -> engine.controlPlane().deleteJob(DeleteJobRequest.builder().jobId(jobId)
                                .force(force).build()))));
    }

    private static Action.Independent<FleetWorld> dueWork() {
        return action(Arbitraries.just(new Step("runDueWork", JobsEngine::runDueWork)));
    }

    private static Action.Independent<FleetWorld> deleteThing() {
        return action(things().map(thing -> new Step("deleteThing " + thing,
                engine -> engine.things().deleteThing(DeleteThingRequest.builder().thingName(thing).build()))));
    }

    private static Action.Independent<FleetWorld> joinGroup() {
        return action(Combinators.combine(things(), Arbitraries.of(FleetWorld.GROUPS))
                .as((thing, group) -> new Step("join " + thing + " to " + group,
                        engine -> engine.things().addThingToThingGroup(
                                dev.iotjobs.api.control.AddThingToThingGroupRequest.builder().thingGroupName(group)
                                        .thingName(thing).build()))));
    }

    private static Action.Independent<FleetWorld> leaveGroup() {
        return action(Combinators.combine(things(), Arbitraries.of(FleetWorld.GROUPS))
                .as((thing, group) -> new Step("leave " + thing + " from " + group,
                        engine -> engine.things().removeThingFromThingGroup(
                                dev.iotjobs.api.control.RemoveThingFromThingGroupRequest.builder()
                                        .thingGroupName(group).thingName(thing).build()))));
    }

    private static Action.Independent<FleetWorld> recreateThing() {
        return action(things().map(thing -> new Step("createThing " + thing,
                engine -> engine.things().createThing(CreateThingRequest.builder().thingName(thing).build()))));
    }
}
