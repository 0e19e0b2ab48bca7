package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.server.ServerOptions.Auth;
import dev.iotjobs.server.ServerOptions.StoreKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** The standalone server's options: defaults, IOTJOBS_* variables, and what does not fit together. */
class ServerOptionsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void withoutArgumentsItServesLocallyOnAnH2File() {
        ServerOptions options = ServerOptions.parse(NO_ENV);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.dataPort()).isNull();
        assertThat(options.store()).isEqualTo(StoreKind.H2);
        assertThat(options.h2File()).isEqualTo("./iotjobs-data/jobs");
        assertThat(options.jdbcUrl()).isNull();
        assertThat(options.region()).isEqualTo("us-east-1");
        assertThat(options.accountId()).isEqualTo("123456789012");
        assertThat(options.nodeId()).isNull();
        assertThat(options.auth()).isEqualTo(Auth.NONE);
        assertThat(options.credentials()).isNull();
        assertThat(options.endpointAddress()).isNull();
        assertThat(options.logLevel()).isEqualTo("info");
        assertThat(options.helpRequested()).isFalse();
    }

    @Test
    void everyOptionComesFromItsEnvironmentVariable() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("IOTJOBS_HOST", "0.0.0.0"),
                Map.entry("IOTJOBS_PORT", "9000"),
                Map.entry("IOTJOBS_DATA_PORT", "9001"),
                Map.entry("IOTJOBS_STORE", "postgres"),
                Map.entry("IOTJOBS_JDBC_URL", "jdbc:postgresql://db:5432/jobs"),
                Map.entry("IOTJOBS_JDBC_USER", "jobs"),
                Map.entry("IOTJOBS_JDBC_PASSWORD", "pa${ss}@word"),
                Map.entry("IOTJOBS_REGION", "eu-central-1"),
                Map.entry("IOTJOBS_ACCOUNT_ID", "210987654321"),
                Map.entry("IOTJOBS_NODE_ID", "node-a"),
                Map.entry("IOTJOBS_AUTH", "SIGV4"),
                Map.entry("IOTJOBS_CREDENTIALS", "/etc/iotjobs/keys"),
                Map.entry("IOTJOBS_ENDPOINT_ADDRESS", "jobs.example.com:443"),
                Map.entry("IOTJOBS_LOG_LEVEL", "DEBUG"));
        ServerOptions options = ServerOptions.parse(env);
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.dataPort()).isEqualTo(9001);
        assertThat(options.store()).isEqualTo(StoreKind.POSTGRES);
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/jobs");
        assertThat(options.jdbcUser()).isEqualTo("jobs");
        assertThat(options.jdbcPassword()).as("taken as it is: no ${} expansion").isEqualTo("pa${ss}@word");
        assertThat(options.region()).isEqualTo("eu-central-1");
        assertThat(options.accountId()).isEqualTo("210987654321");
        assertThat(options.nodeId()).isEqualTo("node-a");
        assertThat(options.auth()).isEqualTo(Auth.SIGV4);
        assertThat(options.credentials()).isEqualTo(Path.of("/etc/iotjobs/keys"));
        assertThat(options.endpointAddress()).isEqualTo("jobs.example.com:443");
        assertThat(options.logLevel()).isEqualTo("debug");
    }

    @Test
    void theH2FileComesFromItsVariableToo() {
        assertThat(ServerOptions.parse(Map.of("IOTJOBS_H2_FILE", "/var/lib/jobs/db")).h2File())
                .isEqualTo("/var/lib/jobs/db");
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentAndAnEmptyVariableIsUnset() {
        ServerOptions options = ServerOptions.parse(Map.of("IOTJOBS_PORT", "9000", "IOTJOBS_HOST", ""),
                "--port", "9100");
        assertThat(options.port()).isEqualTo(9100);
        assertThat(options.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void everyOptionsHelpNamesItsVariable() {
        CommandLine commandLine = ServerOptions.commandLine(new ServerOptions(), NO_ENV);
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            if (!option.usageHelp()) {
                assertThat(String.join(" ", option.description())).as(option.longestName())
                        .contains(ServerOptions.environmentVariable(option.longestName()));
            }
        }
        assertThat(ServerOptions.environmentVariable("--data-port")).isEqualTo("IOTJOBS_DATA_PORT");
    }

    @Test
    void helpSkipsTheOtherChecks() {
        assertThat(ServerOptions.parse(Map.of("IOTJOBS_STORE", "postgres"), "--help").helpRequested()).isTrue();
        assertThat(ServerOptions.parse(NO_ENV, "-h").helpRequested()).isTrue();
    }

    @Test
    void storesAndModesAreNamedInLowerCaseInAnyCase() {
        assertThat(ServerOptions.parse(NO_ENV, "--store", "MEMORY").store()).isEqualTo(StoreKind.MEMORY);
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--store", "mysql"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("expected memory or h2 or postgres, not 'mysql'");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--auth", "basic"))
                .hasMessageContaining("expected none or sigv4, not 'basic'");
    }

    @Test
    void unknownOptionsAndMalformedValuesAreUsageErrors() {
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--prot", "1")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--port", "http")).hasMessageContaining("--port");
        assertThatThrownBy(() -> ServerOptions.parse(Map.of("IOTJOBS_PORT", "x"))).hasMessageContaining("--port");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--port", "65536"))
                .hasMessage("--port must be from 0 to 65535, not 65536");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--data-port", "8080"))
                .hasMessage("--data-port must differ from --port (both are 8080)");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--log-level", "loud"))
                .hasMessageContaining("--log-level must be error, warn, info, debug or trace");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "extra")).isInstanceOf(ParameterException.class);
    }

    @Test
    void storeOptionsMustFitTheStore() {
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--store", "postgres"))
                .hasMessageContaining("--store postgres needs --jdbc-url (or IOTJOBS_JDBC_URL)");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--store", "postgres", "--jdbc-url", "jdbc:h2:mem:x"))
                .hasMessageContaining("--jdbc-url must start with jdbc:postgresql:");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--jdbc-url", "jdbc:postgresql://db/jobs"))
                .hasMessage("--jdbc-url (IOTJOBS_JDBC_URL) is for --store postgres, not --store h2");
        assertThatThrownBy(() -> ServerOptions.parse(Map.of("IOTJOBS_JDBC_PASSWORD", "s"), "--store", "memory"))
                .hasMessage("--jdbc-password (IOTJOBS_JDBC_PASSWORD) is for --store postgres, not --store memory");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--store", "memory", "--h2-file", "x"))
                .hasMessage("--h2-file is for --store h2, not --store memory");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--h2-file", "x;INIT=RUNSCRIPT FROM 'y'"))
                .hasMessageContaining("--h2-file must be a file path without ';'");
    }

    @Test
    void aPasswordInAJdbcUrlIsNeverRepeated() {
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--store", "postgres", "--jdbc-url",
                "jdbc:mysql://db/jobs?user=u&password=hunter2"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void signaturesNeedACredentialsFileAndACredentialsFileNeedsSignatures() {
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--auth", "sigv4"))
                .hasMessage("--auth sigv4 needs --credentials FILE (or IOTJOBS_CREDENTIALS)");
        assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--credentials", "keys"))
                .hasMessageContaining("--credentials is used with --auth sigv4 only");
        assertThat(ServerOptions.parse(NO_ENV, "--auth", "sigv4", "--credentials", "keys").credentials())
                .isEqualTo(Path.of("keys"));
    }

    @Test
    void theEndpointAddressIsAHostAndMaybeAPort() {
        for (String good : new String[] {"localhost", "jobs.example.com:8443", "127.0.0.1:8081", "[::1]:8081"}) {
            assertThat(ServerOptions.parse(NO_ENV, "--endpoint-address", good).endpointAddress()).isEqualTo(good);
        }
        for (String bad : new String[] {"http://localhost:8081", "host:0", "host:70000", "host/path", "a b"}) {
            assertThatThrownBy(() -> ServerOptions.parse(NO_ENV, "--endpoint-address", bad)).as(bad)
                    .hasMessageContaining("--endpoint-address must be HOST or HOST:PORT");
        }
    }
}
