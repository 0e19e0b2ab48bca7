package dev.iotjobs.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.model.Job;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's job template example (SPEC J14), run here ({@link ReadmeTemplateExample}) and compared. */
class ReadmeTemplateExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLE = Path.of("src", "test", "java", "dev", "iotjobs", "store", "memory",
            "ReadmeTemplateExample.java");

    @Test
    void j14_readmeTemplateExampleRuns() {
        Job job = ReadmeTemplateExample.run();
        assertThat(job.description()).isEqualTo("Firmware 3.0");
        assertThat(job.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(60L);
        assertThat(job.jobTemplateArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:jobtemplate/firmware-3");
    }

    @Test
    void j14_readmeShowsExactlyThisExample() throws IOException {
        assertThat(ReadmeExampleTest.block(README, "<!-- template-example:start -->", "<!-- template-example:end -->"))
                .isEqualTo(ReadmeExampleTest.block(EXAMPLE, "// README:start", "// README:end"));
    }
}
