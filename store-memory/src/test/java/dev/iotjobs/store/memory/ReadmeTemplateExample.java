package dev.iotjobs.store.memory;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateJobTemplateRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.JobsEngine;

/** The README's job template example (SPEC J14), run by {@link ReadmeTemplateExampleTest}. */
final class ReadmeTemplateExample {
    private ReadmeTemplateExample() {
    }

    static Job run() {
        JobsEngine engine = JobsEngine.builder().repository(new InMemoryJobRepository())
                .region("us-east-1").accountId("123456789012").build();
        engine.things().createThing(CreateThingRequest.builder().thingName("sensor-1").build());
        // README:start
        // A template: the document and configurations many jobs share.
        String templateArn = engine.controlPlane().createJobTemplate(CreateJobTemplateRequest.builder()
                .jobTemplateId("firmware-3")
                .description("Firmware 3.0")
                .document("{\"operation\":\"update\",\"version\":\"3.0\"}")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build())
                .build()).jobTemplateArn();   // arn:aws:iot:us-east-1:123456789012:jobtemplate/firmware-3

        // A job from it: the targets are the job's, the rest is the template's unless the request gives it.
        engine.controlPlane().createJob(CreateJobRequest.builder()
                .jobId("firmware-3-lab")
                .targets("arn:aws:iot:us-east-1:123456789012:thing/sensor-1")
                .jobTemplateArn(templateArn)
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(60L).build())   // replaces 30
                .build());

        Job job = engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId("firmware-3-lab").build())
                .job();
        // job.description() is "Firmware 3.0", job.timeoutConfig() 60 minutes, job.jobTemplateArn() the template's
        // README:end
        return job;
    }
}
