package dev.iotjobs.bench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.bench.mqtt.MqttRoundTripBenchmark.Case;
import dev.iotjobs.bench.mqtt.MqttRoundTripBenchmark.Sample;
import dev.iotjobs.mqtt.EmbeddedMqttBroker;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT bridge benchmark, tiny (3 devices, a second per case, one repetition), so that a broken benchmark fails
 * the build: every case runs in its own server JVM, no request fails, and the MQTT and HTTP cases' round trips are
 * the server's SUCCEEDED executions (the benchmark checks the counters and reports a mismatch as a problem). A second
 * Moquette in this JVM stands in for the external broker. Nothing here is timed.
 */
class MqttRoundTripBenchmarkTest {
    @TempDir
    Path temp;

    @Test
    void everyCaseRunsAndEachRoundTripIsOneSucceededExecution() throws Exception {
        try (EmbeddedMqttBroker external = EmbeddedMqttBroker.builder().port(0).build().start()) {
            List<Sample> samples = MqttRoundTripBenchmark.run("devices=3", "warmup=1", "seconds=1", "reps=1",
                    "inprocessWarmup=1", "inprocessSeconds=1", "externalBroker=" + external.uri(),
                    "protocol=v3", "mqttRate=300", "httpRate=300", "inprocessRate=1500", "serverJvm=-Xmx256m",
                    "log=" + temp.resolve("servers.log"));

            assertThat(samples).extracting(Sample::point)
                    .containsExactlyInAnyOrder(Case.EMBEDDED, Case.EXTERNAL, Case.HTTP, Case.INPROCESS);
            for (Sample sample : samples) {
                assertThat(sample.totalRoundTrips()).as(sample.point().label).isPositive();
                assertThat(sample.errors()).as(sample.point().label).isZero();
                assertThat(sample.failedDevices()).as(sample.point().label).isZero();
                if (sample.point() != Case.INPROCESS) {
                    // In-process, a second at full speed may use up the small supply: that is only an "empty" note.
                    assertThat(sample.problem()).as(sample.point().label).isEmpty();
                }
            }
            Sample embedded = samples.stream().filter(s -> s.point() == Case.EMBEDDED).findFirst().orElseThrow();
            assertThat(embedded.split()).containsOnlyKeys(ThreadCpu.Group.values());
            assertThat(embedded.bridgeCpu()).isPositive();
            assertThat(embedded.split().get(ThreadCpu.Group.BROKER)).isPositive();
            Sample bridged = samples.stream().filter(s -> s.point() == Case.EXTERNAL).findFirst().orElseThrow();
            // The external broker runs elsewhere: none of the bridge's JVM's CPU is a broker's.
            assertThat(bridged.split().get(ThreadCpu.Group.BROKER)).isZero();
            assertThat(bridged.bridgeCpu()).isPositive();
        }
    }

    @Test
    void withoutAnExternalBrokerThatCaseIsSkipped() throws Exception {
        List<Sample> samples = MqttRoundTripBenchmark.run("devices=2", "warmup=1", "seconds=1", "reps=1",
                "cases=external", "log=" + temp.resolve("servers.log"));

        assertThat(samples).isEmpty();
    }
}
