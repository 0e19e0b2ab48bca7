package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What Moquette brings to the module's runtime class path (the server's and an embedder's), with the parent pom's
 * exclusions: no second SLF4J binding, no H2 of its own (our h2 holds org.h2.mvstore too), none of its disabled
 * side services, and only netty-bom's Netty 4.2; and the broker starts and routes on that class path alone, in a
 * JVM of its own (the test class path also holds HiveMQ CE's dependencies, which would hide a missing one).
 */
class MoquetteRuntimeClasspathTest {
    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    private static List<String> runtimeJars() throws IOException {
        String classpath = Files.readString(RUNTIME_CLASSPATH, StandardCharsets.UTF_8).strip();
        return Arrays.stream(classpath.split(File.pathSeparator)).map(entry -> Path.of(entry).getFileName().toString())
                .toList();
    }

    @Test
    void holdsMoquetteButNoneOfItsUnusedDependencies() throws IOException {
        List<String> jars = runtimeJars();
        assertThat(jars).anyMatch(jar -> jar.startsWith("moquette-broker-"));
        assertThat(jars).noneMatch(jar -> jar.startsWith("slf4j-reload4j") || jar.startsWith("reload4j")
                || jar.startsWith("h2-") || jar.startsWith("HikariCP") || jar.startsWith("commons-codec")
                || jar.startsWith("metrics-") || jar.startsWith("librato") || jar.startsWith("metrics-librato")
                || jar.startsWith("bugsnag") || jar.startsWith("netty-codec-http")
                || jar.startsWith("netty-transport-native-epoll"));
    }

    @Test
    void nettyIsNettyBomsOnly() throws IOException {
        assertThat(runtimeJars()).filteredOn(jar -> jar.startsWith("netty-")).isNotEmpty()
                .allMatch(jar -> jar.contains("-4.2."), "Netty 4.2");
    }

    @Test
    void theBrokerStartsAndRoutesOnTheRuntimeClassPathAlone() throws Exception {
        String classpath = Files.readString(RUNTIME_CLASSPATH, StandardCharsets.UTF_8).strip()
                + File.pathSeparator + Path.of("target", "classes").toAbsolutePath()
                + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                BrokerSmokeMain.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the smoke JVM ended; it printed:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; it printed:%n%s", output).isZero();
        assertThat(output).contains("routed $aws/things/smoke/jobs/start-next/accepted");
    }
}
