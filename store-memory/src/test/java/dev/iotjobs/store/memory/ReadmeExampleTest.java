package dev.iotjobs.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run here ({@link ReadmeExample}), and compared with the README. */
class ReadmeExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLE = Path.of("src", "test", "java", "dev", "iotjobs", "store", "memory",
            "ReadmeExample.java");

    @Test
    void readmeExampleRuns() {
        Job job = ReadmeExample.run();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.jobProcessDetails().numberOfSucceededThings()).isEqualTo(1);
    }

    @Test
    void readmeShowsExactlyThisExample() throws IOException {
        assertThat(block(README, "<!-- embedding-example:start -->", "<!-- embedding-example:end -->"))
                .isEqualTo(block(EXAMPLE, "// README:start", "// README:end"));
    }

    @Test
    void readmeShowsExactlyTheExamplesImports() throws IOException {
        assertThat(block(README, "<!-- embedding-imports:start -->", "<!-- embedding-imports:end -->"))
                .isEqualTo(block(EXAMPLE, "// README-imports:start", "// README-imports:end"));
    }

    /** The README's dependency snippets name the versions the build tests with. */
    @Test
    void readmeNamesTheVersionsTheBuildUses() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        String readme = Files.readString(README);
        for (String[] artifact : new String[][] {{"h2", "h2.version"}, {"HikariCP", "hikaricp.version"},
                {"postgresql", "postgresql.version"}, {"slf4j-simple", "slf4j.version"}}) {
            String version = pom.replaceAll("(?s).*<" + artifact[1].replace(".", "\\.") + ">([^<]+)</.*", "$1");
            assertThat(readme).as(artifact[0]).containsPattern("<artifactId>" + artifact[0]
                    + "</artifactId>[^\\n]*\\n\\s*<version>" + version.replace(".", "\\.") + "</version>");
        }
        String project = pom.replaceAll("(?s).*?<artifactId>iot-jobs-engine-parent</artifactId>\\s*<version>([^<]+)<.*",
                "$1");
        assertThat(readme).contains("<version>" + project + "</version>");
    }

    /** The lines between two marker lines, without their common indentation and without code fences. */
    static String block(Path file, String start, String end) throws IOException {
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
