package dev.iotjobs.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.core.JobsEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue #8: a host's mistake in setting the engine up is an exception at build or subscribe time whose message
 * names the argument and what is allowed; a listener that throws is logged at WARN with its stack trace.
 */
class HostMistakesTest {

    @Test
    void anEngineWithoutARepositoryIsRefusedNamingIt() {
        assertThatThrownBy(() -> JobsEngine.builder().build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("repository is required")
                .hasMessageContaining("JobsEngine.builder().repository(...)");
    }

    @Test
    void anInvalidRegionIsNamedAlone() {
        for (String region : new String[] {"US-EAST-1", "", "us east 1", "moon"}) {
            assertThatThrownBy(() -> builder().region(region).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("region must be an AWS region name such as us-east-1")
                    .hasMessageEndingWith("not \"" + region + "\"")
                    .hasMessageNotContaining("accountId");
        }
        assertThatThrownBy(() -> builder().region(null).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("not null");
        for (String region : new String[] {"us-east-1", "eu-central-1", "us-gov-west-1", "cn-north-1",
                "ap-southeast-2", "il-central-1", "us-isob-east-1", "mx-central-1", "eusc-de-east-1"}) {
            assertThat(builder().region(region).build()).as(region).isNotNull();
        }
    }

    @Test
    void anInvalidAccountIdIsNamedAlone() {
        for (String accountId : new String[] {"12345", "1234567890123", "12345678901a", ""}) {
            assertThatThrownBy(() -> builder().accountId(accountId).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("accountId must be 12 digits, such as 123456789012, not \"" + accountId + "\"");
        }
    }

    @Test
    void otherSettingsSetToNullAreNamed() {
        assertThatThrownBy(() -> builder().clock(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("clock must not be null");
        assertThatThrownBy(() -> builder().dueWorkPeriod(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dueWorkPeriod must be positive");
    }

    @Test
    void subscribingNullIsRefusedNamingTheListener() {
        JobsEngine engine = builder().build();
        assertThatThrownBy(() -> engine.events().subscribe(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("listener must not be null");
    }

    @Test
    void aListenerThatThrowsIsLoggedAtWarnWithItsStackTrace() {
        JobsEngine engine = builder().build();
        engine.events().subscribe(event -> {
            throw new IllegalStateException("listener broke");
        });
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            engine.things().createThing(CreateThingRequest.builder().thingName("t1").build());
            engine.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").document("{}")
                    .targets("arn:aws:iot:us-east-1:123456789012:thing/t1").build());
        } finally {
            System.setOut(original);
        }
        String printed = log.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("WARN dev.iotjobs.core.EventDispatcher - event listener failed on")
                .contains("java.lang.IllegalStateException: listener broke")
                .contains("\tat dev.iotjobs.store.memory.HostMistakesTest");
    }

    private static JobsEngine.Builder builder() {
        return JobsEngine.builder().repository(new InMemoryJobRepository());
    }
}
