package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.iotjobs.api.JobsControlPlane;
import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.ThingRegistry;
import dev.iotjobs.api.control.CancelJobExecutionRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateJobTemplateRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.BadInputCatalog.BadRequest;
import dev.iotjobs.core.BadInputCatalog.Operation;
import dev.iotjobs.spi.JobRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * SPEC V1, V2: every operation answers malformed input with {@link InvalidRequestException} naming the member at
 * fault, never with another exception and never with success, and the rejected request changes nothing: no job,
 * execution or event appears or changes, and nothing is committed to the store.
 *
 * <p>Each try breaks one member of a valid baseline request of one of the 34 operations (see
 * {@link BadInputCatalog}) and sends it to a fresh fleet that already holds jobs and executions in many states.
 */
public abstract class BadInputProperties {

    /** @return a fresh, empty store of the kind under test */
    protected abstract JobRepository newRepository();

    /** A fleet with its jobs, and how many commits reached its store. */
    private record Fleet(FleetWorld world, AtomicInteger commits) {
        JobsEngine engine() {
            return world.engine;
        }
    }

    @Property(tries = 2000)
    @StatisticsReport(onFailureOnly = true)
    void v1_v2_malformedInputIsInvalidRequestNamingTheMemberAndChangesNothing(
            @ForAll("badRequests") BadRequest bad) {
        assertRejectedNamingTheMember(bad);

        Statistics.label("operation").collect(bad.operation());
        Statistics.label("operation").coverage(coverage -> BadInputCatalog.OPERATIONS
                .forEach(op -> coverage.check(op.name).count(tries -> tries > 0)));
    }

    @Provide
    Arbitrary<BadRequest> badRequests() {
        return BadInputCatalog.badRequests();
    }

    @Example
    void v1_v2_noRequestAtAllIsInvalidRequestNamingTheRequest() {
        BadInputCatalog.OPERATIONS.forEach(op -> assertRejectedNamingTheMember(op.nullRequest));
    }

    /**
     * Sends a bad request to a fresh fleet. V1: the answer is exactly {@link InvalidRequestException}, whose
     * message starts with the member or a path inside it. V2: nothing reached the store, nothing visible changed,
     * no event was emitted.
     */
    private void assertRejectedNamingTheMember(BadRequest bad) {
        Fleet fleet = fleet();
        FleetWorld.Snapshot before = fleet.world().snapshot();
        int commitsBefore = fleet.commits().get();

        Throwable thrown = catchThrowable(() -> bad.send().accept(fleet.engine()));

        assertThat(thrown).as("V1: %s must be rejected", bad).isNotNull();
        assertThat(thrown).as("V1: %s", bad).isExactlyInstanceOf(InvalidRequestException.class);
        assertThat(names(thrown.getMessage(), bad.member()))
                .as("V1: %s answered \"%s\", which does not name %s", bad, thrown.getMessage(), bad.member())
                .isTrue();
        assertThat(fleet.commits().get()).as("V2: %s committed to the store", bad).isEqualTo(commitsBefore);
        assertThat(fleet.world().snapshot()).as("V2: %s changed the fleet", bad).isEqualTo(before);
    }

    /**
     * Without valid baselines the property would prove nothing; each succeeds on the fleet, so a bad request
     * that slipped through validation would show as a change.
     */
    @Example
    void v1_everyBaselineRequestSucceeds() {
        List<String> failed = new ArrayList<>();
        for (Operation<?> op : BadInputCatalog.OPERATIONS) {
            Fleet fleet = fleet();
            Throwable thrown = catchThrowable(() -> op.sendBaseline(fleet.engine()));
            if (thrown != null) {
                failed.add(op.name + ": " + thrown);
            }
        }
        assertThat(failed).as("baselines that failed").isEmpty();
    }

    /** The catalog covers every operation of the three APIs. */
    @Example
    void v1_everyOperationIsInTheCatalog() {
        List<String> api = Stream.of(JobsControlPlane.class, JobsDataPlane.class, ThingRegistry.class)
                .flatMap(type -> Stream.of(type.getMethods()).filter(m -> !m.isDefault())
                        .map(m -> prefix(type) + m.getName()))
                .toList();
        assertThat(api).hasSize(34);
        assertThat(BadInputCatalog.OPERATIONS.stream().map(op -> op.name).toList())
                .containsExactlyInAnyOrderElementsOf(api);
    }

    private static String prefix(Class<?> api) {
        return api == JobsControlPlane.class ? "control." : api == JobsDataPlane.class ? "data." : "registry.";
    }

    /**
     * Whether a message names the member: {@code member: ...}, or a path inside it ({@code member.x: ...},
     * {@code member[2]: ...}), but not a longer member that starts alike ({@code documentSource} for
     * {@code document}).
     */
    static boolean names(String message, String member) {
        return message != null && message.startsWith(member) && message.length() > member.length()
                && ":.[".indexOf(message.charAt(member.length())) >= 0;
    }

    /**
     * The fleet of {@link FleetWorld} (t0..t5; g0 {t0, t1}, g1 child of g0 {t2}, g2 {t3}) with jobs whose
     * executions are in every state a device or operator can bring about:
     * <ul>
     *   <li>j0, SNAPSHOT, IN_PROGRESS, on g0, t3, t4, t5: t0 IN_PROGRESS, t1 SUCCEEDED, t2 FAILED and its retry
     *   QUEUED, t3 QUEUED, t4 REJECTED, t5 CANCELED;</li>
     *   <li>j1, CONTINUOUS, IN_PROGRESS, on g2: t3 QUEUED;</li>
     *   <li>j2, CANCELED by force, on t4, t5.</li>
     * </ul>
     * The clock stands still from here on, so nothing falls due while a try runs.
     */
    private Fleet fleet() {
        AtomicInteger commits = new AtomicInteger();
        FleetWorld world = new FleetWorld(countingCommits(newRepository(), commits));
        JobsEngine engine = world.engine;
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j0")
                .targets(BadInputCatalog.groupArn("g0"), BadInputCatalog.thingArn("t3"),
                        BadInputCatalog.thingArn("t4"), BadInputCatalog.thingArn("t5"))
                .document("{\"firmware\":\"2.0\"}").description("firmware 2.0")
                .presignedUrlConfig(BadInputCatalog.presignedUrlConfig())
                .abortConfig(BadInputCatalog.abortConfig()).timeoutConfig(new TimeoutConfig(60L))
                .jobExecutionsRetryConfig(BadInputCatalog.retryConfig()).build());
        engine.runDueWork();   // SPEC C4: the targets past the first batch
        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t0").stepTimeoutInMinutes(30L).statusDetails(Map.of("step", "download")).build());
        device(engine, "t1", JobExecutionStatus.SUCCEEDED);
        device(engine, "t2", JobExecutionStatus.FAILED);
        device(engine, "t4", JobExecutionStatus.REJECTED);
        engine.controlPlane().cancelJobExecution(CancelJobExecutionRequest.builder().jobId("j0").thingName("t5")
                .build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").targets(BadInputCatalog.groupArn("g2"))
                .targetSelection(TargetSelection.CONTINUOUS).document("{\"reboot\":true}").build());
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j2")
                .targets(BadInputCatalog.thingArn("t4"), BadInputCatalog.thingArn("t5")).document("{}").build());
        engine.controlPlane().cancelJob(CancelJobRequest.builder().jobId("j2").force(true).reasonCode("RECALLED")
                .build());
        // SPEC J14: the template the baselines describe, delete and create jobs from.
        engine.controlPlane().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("tmpl")
                .description("reboot").document("{\"reboot\":true}").build());
        engine.runDueWork();
        return new Fleet(world, commits);
    }

    private static void device(JobsEngine engine, String thing, JobExecutionStatus status) {
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j0").thingName(thing)
                .status(status).build());
    }

    /** The store, counting its commits: a rejected request must not reach it at all (V2). */
    private static JobRepository countingCommits(JobRepository store, AtomicInteger commits) {
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        commits.incrementAndGet();
                    }
                    return invoke(store, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
