package dev.iotjobs.bench;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.model.JobStatus;
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
            engine.controlPlane().cancelJob(CancelJobRequest.builder().jobId(jobId).force(true).build());
            // Expansions and cancels of large groups go in batches (SPEC C4): drive them to the end.
            while (engine.runDueWork() > 0 || isConcurrent(engine, jobId)) {
                Thread.onSpinWait();
            }
        }
        engine.relayEvents();
    }

    private static boolean isConcurrent(JobsEngine engine, String jobId) {
        var job = engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job();
        return job.status() != JobStatus.CANCELED || Boolean.TRUE.equals(job.isConcurrent());
    }
}
