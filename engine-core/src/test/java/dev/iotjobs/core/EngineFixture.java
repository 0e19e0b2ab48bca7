package dev.iotjobs.core;

import dev.iotjobs.api.JobsControlPlane;
import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.ThingRegistry;
import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobExecutionRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.ThingEvent;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.spi.InterleavingRepository;
import dev.iotjobs.spi.JobRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared set-up of the engine scenario suites: a fresh engine over the store under test, a clock tests move,
 * every event recorded, and short helpers for the common steps.
 */
public abstract class EngineFixture {
    /** The region every scenario runs in. */
    protected static final String REGION = "us-east-1";
    /** The account every scenario runs as. */
    protected static final String ACCOUNT = "123456789012";
    /** A small valid job document. */
    protected static final String DOC = "{\"operation\":\"reboot\"}";

    protected MutableClock clock;
    protected InterleavingRepository repository;
    protected JobsEngine engine;
    protected final List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());
    /** The device notifications (SPEC E4) delivered so far, in delivery order. */
    protected final List<ThingEvent> thingEvents = Collections.synchronizedList(new ArrayList<>());

    /** @return a fresh, empty store of the kind under test */
    protected abstract JobRepository newRepository();

    @BeforeEach
    void startEngine() {
        clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        repository = new InterleavingRepository(newRepository());
        engine = JobsEngine.builder().repository(repository).clock(clock).region(REGION).accountId(ACCOUNT).build();
        events.clear();
        thingEvents.clear();
        engine.events().subscribe(EventSinks.jobEventsInto(events));
        engine.events().subscribe(EventSinks.thingEventsInto(thingEvents));
    }

    protected JobsControlPlane control() {
        return engine.controlPlane();
    }

    protected JobsDataPlane device() {
        return engine.dataPlane();
    }

    protected ThingRegistry registry() {
        return engine.things();
    }

    protected static String thingArn(String thing) {
        return "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thing/" + thing;
    }

    protected static String groupArn(String group) {
        return "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":thinggroup/" + group;
    }

    protected void things(String... names) {
        for (String name : names) {
            registry().createThing(CreateThingRequest.builder().thingName(name).build());
        }
    }

    protected void group(String name, String parent, String... members) {
        registry().createThingGroup(CreateThingGroupRequest.builder().thingGroupName(name).parentGroupName(parent)
                .build());
        for (String member : members) {
            registry().addThingToThingGroup(AddThingToThingGroupRequest.builder().thingGroupName(name)
                    .thingName(member).build());
        }
    }

    /** Creates a SNAPSHOT job on the given things (their ARNs). */
    protected void job(String jobId, String... thingNames) {
        job(jobId, b -> b, thingNames);
    }

    protected void job(String jobId, UnaryOperator<CreateJobRequest.Builder> config, String... thingNames) {
        CreateJobRequest.Builder builder = CreateJobRequest.builder().jobId(jobId).document(DOC)
                .targets(Arrays.stream(thingNames).map(EngineFixture::thingArn).toList());
        control().createJob(config.apply(builder).build());
    }

    protected Job describe(String jobId) {
        return control().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job();
    }

    protected JobProcessDetails counters(String jobId) {
        return describe(jobId).jobProcessDetails();
    }

    protected JobExecution execution(String jobId, String thing) {
        return control().describeJobExecution(DescribeJobExecutionRequest.builder().jobId(jobId).thingName(thing)
                .build()).execution();
    }

    protected JobExecution startNext(String thing) {
        return device().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName(thing).build()).execution();
    }

    protected void update(String jobId, String thing, JobExecutionStatus status) {
        device().updateJobExecution(UpdateJobExecutionRequest.builder().jobId(jobId).thingName(thing)
                .status(status).build());
    }

    protected <E extends JobEvent> List<E> eventsOf(Class<E> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
