package dev.iotjobs.store.memory;

// README-imports:start
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.memory.InMemoryJobRepository;
// README-imports:end

/** The README's embedding example with exactly the README's imports, so that it compiles with them alone. */
final class ReadmeExample {
    private ReadmeExample() {
    }

    /** @return the job the example created, after its device finished it */
    static Job run() {
        // README:start
        JobsEngine engine = JobsEngine.builder()
                .repository(new InMemoryJobRepository())   // or JdbcJobRepository.create(dataSource), below
                .region("us-east-1").accountId("123456789012")
                .build();
        engine.start();   // due work every second: timeouts, retries, deletions, rollout windows, scheduled jobs

        // The backend registers a device and creates a job for it.
        engine.things().createThing(CreateThingRequest.builder().thingName("sensor-1").build());
        engine.controlPlane().createJob(CreateJobRequest.builder()
                .jobId("reboot-1")
                .targets("arn:aws:iot:us-east-1:123456789012:thing/sensor-1")
                .document("{\"operation\":\"reboot\"}")
                .build());

        // The device takes its next job, does it and reports success, until its queue is empty (execution() is null).
        JobExecution next = engine.dataPlane().startNextPendingJobExecution(
                StartNextPendingJobExecutionRequest.builder().thingName("sensor-1").build()).execution();
        while (next != null) {
            // ... reboot, as next.jobDocument() says ...
            engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder()
                    .jobId(next.jobId()).thingName("sensor-1")
                    .status(JobExecutionStatus.SUCCEEDED)
                    .expectedVersion(next.versionNumber())
                    .build());
            next = engine.dataPlane().startNextPendingJobExecution(
                    StartNextPendingJobExecutionRequest.builder().thingName("sensor-1").build()).execution();
        }

        Job job = engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId("reboot-1").build()).job();
        // job.status() is COMPLETED; job.jobProcessDetails().numberOfSucceededThings() is 1

        engine.close();   // when the service stops: ends the due work thread
        // README:end
        return job;
    }
}
