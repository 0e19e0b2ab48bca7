package dev.iotjobs.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.JobsEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run here, and compared with the README's text. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRuns() {
        Job job = embeddingExample();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.jobProcessDetails().numberOfSucceededThings()).isEqualTo(1);
    }

    @Test
    void readmeShowsExactlyThisExample() throws IOException {
        assertThat(block(Path.of("..", "README.md"), "<!-- embedding-example:start -->",
                "<!-- embedding-example:end -->"))
                .isEqualTo(block(Path.of("src", "test", "java", "dev", "iotjobs", "store", "memory",
                        "ReadmeExampleTest.java"), "// README:start", "// README:end"));
    }

    private static Job embeddingExample() {
        // README:start
        JobsEngine engine = JobsEngine.builder()
                .repository(new InMemoryJobRepository())   // or a durable store
                .region("us-east-1").accountId("123456789012")
                .build();

        // The backend registers a device and creates a job for it.
        engine.things().createThing(CreateThingRequest.builder().thingName("sensor-1").build());
        engine.controlPlane().createJob(CreateJobRequest.builder()
                .jobId("reboot-1")
                .targets("arn:aws:iot:us-east-1:123456789012:thing/sensor-1")
                .document("{\"operation\":\"reboot\"}")
                .build());

        // The device asks for its next job, does it, and reports success.
        JobExecution next = engine.dataPlane().startNextPendingJobExecution(
                StartNextPendingJobExecutionRequest.builder().thingName("sensor-1").build()).execution();
        engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest.builder()
                .jobId(next.jobId()).thingName("sensor-1")
                .status(JobExecutionStatus.SUCCEEDED)
                .expectedVersion(next.versionNumber())
                .build());

        Job job = engine.controlPlane().describeJob(DescribeJobRequest.builder().jobId("reboot-1").build()).job();
        // job.status() is COMPLETED; job.jobProcessDetails().numberOfSucceededThings() is 1
        // README:end
        return job;
    }

    /** The lines between two marker lines, without their common indentation and without code fences. */
    private static String block(Path file, String start, String end) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int from = indexOf(lines, start) + 1;
        int to = indexOf(lines, end);
        List<String> body = lines.subList(from, to).stream().filter(l -> !l.startsWith("```")).toList();
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }
}
