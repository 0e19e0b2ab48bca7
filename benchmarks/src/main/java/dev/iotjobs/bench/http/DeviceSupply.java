package dev.iotjobs.bench.http;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.bench.BenchStore;
import dev.iotjobs.bench.Fleet;
import dev.iotjobs.core.JobsEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * The things a load run drives and their QUEUED executions: things {@code device-000000} on in one thing group,
 * and {@code jobs} SNAPSHOT jobs on that group, so that every thing has {@code jobs} executions to start and finish
 * (StartNext takes the oldest first). A run must not use them up: a StartNext answered {@code {}} is not a round
 * trip (the generator counts it apart as "empty").
 */
public final class DeviceSupply {
    static final String PREFIX = "device";
    static final String GROUP = "bench-devices";
    private static final String DOCUMENT = "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}";

    private final JobsEngine engine;
    private final List<String> jobIds = new ArrayList<>();

    private DeviceSupply(JobsEngine engine) {
        this.engine = engine;
    }

    /**
     * Registers the things and queues the jobs.
     *
     * @param engine the engine over an empty store
     * @param things how many things
     * @param jobs how many jobs on all of them
     * @param threads threads that register the things (one commit each: worth spreading on a database)
     * @return the supply
     * @throws InterruptedException if interrupted while registering
     */
    public static DeviceSupply create(JobsEngine engine, int things, int jobs, int threads) throws InterruptedException {
        Fleet.registerInParallel(engine.things(), GROUP, null, thingNames(things), threads);
        DeviceSupply supply = new DeviceSupply(engine);
        for (int j = 0; j < jobs; j++) {
            String jobId = "firmware-" + j;
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document(DOCUMENT)
                    .targets(BenchStore.groupArn(GROUP)).build());
            supply.jobIds.add(jobId);
        }
        engine.runDueWork();   // SPEC C4: the group's things past CreateJob's first batch
        return supply;
    }

    /** @param things how many things @return their names */
    public static List<String> thingNames(int things) {
        return Fleet.thingNames(PREFIX, 0, things);
    }

    /** @return the jobs' counters, summed: {@code succeeded=N inProgress=N queued=N} */
    public String counters() {
        long succeeded = 0;
        long inProgress = 0;
        long queued = 0;
        for (String jobId : jobIds) {
            JobProcessDetails details = engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId)
                    .build()).job().jobProcessDetails();
            succeeded += details.numberOfSucceededThings();
            inProgress += details.numberOfInProgressThings();
            queued += details.numberOfQueuedThings();
        }
        return "succeeded=" + succeeded + " inProgress=" + inProgress + " queued=" + queued;
    }
}
