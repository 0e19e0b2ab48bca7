package dev.iotjobs.mqtt;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.time.Clock;

/** An engine on the memory store, and a few ways to give its things jobs. */
final class Fleet {
    final JobsEngine engine;

    Fleet() {
        this(Clock.systemUTC());
    }

    Fleet(Clock clock) {
        engine = JobsEngine.builder().repository(new InMemoryJobRepository()).clock(clock).build();
    }

    static String thingArn(String thingName) {
        return "arn:aws:iot:us-east-1:123456789012:thing/" + thingName;
    }

    Fleet thing(String thingName) {
        engine.things().createThing(CreateThingRequest.builder().thingName(thingName).build());
        return this;
    }

    Fleet job(String jobId, String document, String... things) {
        String[] arns = new String[things.length];
        for (int i = 0; i < things.length; i++) {
            arns[i] = thingArn(things[i]);
        }
        engine.controlPlane().createJob(CreateJobRequest.builder().jobId(jobId).document(document).targets(arns)
                .description("job " + jobId).build());
        return this;
    }
}
