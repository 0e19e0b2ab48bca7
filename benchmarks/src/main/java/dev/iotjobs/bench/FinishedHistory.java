package dev.iotjobs.bench;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.core.JobsEngine;

/**
 * Finished executions stored beside the live ones (issue 12, "cost does not grow with the fleet"): jobs over the
 * whole fleet, force-canceled, whose CANCELED executions stay in the store as an operator's history does. A
 * round-trip benchmark with {@code -p storedJobs=0,N} compares the device round trip on a store without and with
 * N times the fleet's size of them.
 */
final class FinishedHistory {
    private FinishedHistory() {
    }

    /**
     * @param engine the benchmark's engine, its fleet registered
     * @param group the group holding the whole fleet
     * @param jobs how many finished jobs to store
     */
    static void store(JobsEngine engine, String group, int jobs) {
        for (int i = 0; i < jobs; i++) {
            String jobId = "history-" + i;
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document("{\"history\":true}")
                    .targets(BenchStore.groupArn(group)).build());
            // Expansions and cancels of large groups go in batches (SPEC C4): each is driven to its end, the
            // expansion first (a cancel stops it).
            drain(engine, jobId);
            engine.controlPlane().cancelJob(CancelJobRequest.builder().jobId(jobId).force(true).build());
            drain(engine, jobId);
        }
        engine.relayEvents();
    }

    private static void drain(JobsEngine engine, String jobId) {
        while (engine.runDueWork() > 0 || Boolean.TRUE.equals(engine.controlPlane()
                .describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job().isConcurrent())) {
            Thread.onSpinWait();
        }
    }
}
