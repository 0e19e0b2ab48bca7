package dev.iotjobs.server;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The standalone server's options. Each {@code --some-option} may also come from the environment variable
 * {@code IOTJOBS_SOME_OPTION} (the command line wins; an empty variable counts as unset), so that a container or a
 * service unit configures the server without arguments, and a password never shows in {@code ps}.
 */
@Command(name = "iot-jobs-server", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Serves the AWS IoT Jobs control plane and device data plane over HTTP (AWS's REST-JSON "
                + "wire), runs due work (timeouts, rollouts, schedules) and relays events.", ""},
        footer = {"", "Every option may be given as the environment variable shown instead (the command line wins).",
                "Exit codes: 0 after --help or after a stop by SIGTERM/SIGINT that drained every request; 1 when the "
                        + "server cannot start (a port in use, a database that cannot be opened) or stop cleanly; "
                        + "2 for bad options or a bad credentials file."})
final class ServerOptions {
    /** Where the jobs are kept. */
    enum StoreKind {
        /** In memory: lost when the server stops. */
        MEMORY,
        /** An H2 database file (one server). */
        H2,
        /** PostgreSQL (any number of servers on one database). */
        POSTGRES;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether requests must be signed. */
    enum Auth {
        /** Signatures are not checked (as moto does by default). */
        NONE,
        /** Every request needs a valid SigV4 signature from a key in the credentials file. */
        SIGV4;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code --mqtt}'s value for the broker inside the server. */
    static final String EMBEDDED_MQTT = "embedded";
    /** {@code --mqtt}'s value for no MQTT at all. */
    static final String NO_MQTT = "none";
    /** The embedded broker's port when {@code --mqtt-port} is not given. */
    static final int DEFAULT_MQTT_PORT = 1883;

    /** The H2 file when {@code --h2-file} is not given, relative to the working directory. */
    static final String DEFAULT_H2_FILE = "./iotjobs-data/jobs";

    private static final Pattern ENDPOINT_ADDRESS =
            Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?");

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on, 0.0.0.0 for every interface (IOTJOBS_HOST; default 127.0.0.1).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port of both planes, each request going to the plane its signature names (unsigned: "
                    + "its Host); 0 for any free port, shown in the ready line (IOTJOBS_PORT; default 8080).")
    private int port;

    @Option(names = "--data-port", paramLabel = "PORT",
            description = "A second port that is always the device data plane, for unsigned device clients "
                    + "(IOTJOBS_DATA_PORT; default: none).")
    private Integer dataPort;

    @Option(names = "--store", paramLabel = "KIND", defaultValue = "h2",
            description = "Where jobs are kept: memory, h2 (a file) or postgres (IOTJOBS_STORE; default h2).")
    private StoreKind store;

    @Option(names = "--h2-file", paramLabel = "PATH",
            description = "The H2 database file with --store h2, without H2's .mv.db suffix; its directory is "
                    + "created (IOTJOBS_H2_FILE; default " + DEFAULT_H2_FILE + ").")
    private String h2File;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The database with --store postgres, jdbc:postgresql://HOST:PORT/DATABASE "
                    + "(IOTJOBS_JDBC_URL).")
    private String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER",
            description = "The database user with --store postgres (IOTJOBS_JDBC_USER).")
    private String jdbcUser;

    @Option(names = "--jdbc-password", paramLabel = "PASSWORD",
            description = "The database password with --store postgres; prefer the variable IOTJOBS_JDBC_PASSWORD, "
                    + "which never shows in ps.")
    private String jdbcPassword;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "The region in ARNs (IOTJOBS_REGION; default us-east-1).")
    private String region;

    @Option(names = "--account-id", paramLabel = "ID", defaultValue = "123456789012",
            description = "The account in ARNs, 12 digits (IOTJOBS_ACCOUNT_ID; default 123456789012).")
    private String accountId;

    @Option(names = "--node-id", paramLabel = "NAME",
            description = "This server's name among the servers sharing one PostgreSQL database; keep it stable "
                    + "across restarts (IOTJOBS_NODE_ID; default: random).")
    private String nodeId;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "none",
            description = "none, or sigv4: every request must carry a valid SigV4 signature from a key in "
                    + "--credentials; GET /health stays open (IOTJOBS_AUTH; default none).")
    private Auth auth;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "With --auth sigv4: a file of keys, one 'ACCESS_KEY_ID SECRET' pair per line separated "
                    + "by spaces or tabs; blank lines and lines starting with # are skipped (IOTJOBS_CREDENTIALS).")
    private Path credentials;

    @Option(names = "--endpoint-address", paramLabel = "HOST[:PORT]",
            description = "What DescribeEndpoint answers for the data plane (IOTJOBS_ENDPOINT_ADDRESS; default: "
                    + "the data-plane listener's host and port).")
    private String endpointAddress;

    @Option(names = "--mqtt", paramLabel = "BROKER", defaultValue = EMBEDDED_MQTT,
            description = "Devices over MQTT (the AWS IoT Jobs device protocol): embedded starts a broker inside the "
                    + "server on --host and --mqtt-port (and --mqtt-tls-port); tcp://HOST:PORT or ssl://HOST:PORT "
                    + "bridges to a broker you run (Mosquitto, EMQX, HiveMQ, VerneMQ); none turns MQTT off "
                    + "(IOTJOBS_MQTT; default "
                    + EMBEDDED_MQTT + ").")
    private String mqtt;

    @Option(names = "--mqtt-port", paramLabel = "PORT",
            description = "The embedded broker's port; 0 for any free port, shown in the ready line (IOTJOBS_MQTT_PORT; "
                    + "default " + DEFAULT_MQTT_PORT + ").")
    private Integer mqttPort;

    @Option(names = "--mqtt-tls-port", paramLabel = "PORT",
            description = "The embedded broker also listens for MQTT over TLS on this port (on --host; the plain "
                    + "--mqtt-port stays, the bridge's); 0 for any free port, shown in the ready line; needs "
                    + "--mqtt-tls-keystore (IOTJOBS_MQTT_TLS_PORT; default: no TLS).")
    private Integer mqttTlsPort;

    @Option(names = "--mqtt-tls-keystore", paramLabel = "FILE",
            description = "With --mqtt-tls-port: a PKCS#12 or JKS file with the broker's key and certificate chain, "
                    + "its certificate naming the host devices connect to (IOTJOBS_MQTT_TLS_KEYSTORE).")
    private Path mqttTlsKeystore;

    @Option(names = "--mqtt-tls-keystore-password", paramLabel = "PASSWORD",
            description = "The password of --mqtt-tls-keystore and its key; prefer the variable "
                    + "IOTJOBS_MQTT_TLS_KEYSTORE_PASSWORD, which never shows in ps.")
    private String mqttTlsKeystorePassword;

    @Option(names = "--mqtt-tls-client-ca", paramLabel = "FILE",
            description = "With --mqtt-tls-port: devices on the TLS port must present a certificate signed by a CA "
                    + "of this PEM file, as on AWS IoT Core (IOTJOBS_MQTT_TLS_CLIENT_CA; default: none asked).")
    private Path mqttTlsClientCa;

    @Option(names = "--mqtt-username", paramLabel = "USER",
            description = "The bridge's user name on the broker; with the embedded broker, the one account every "
                    + "client (devices too) must log in with (IOTJOBS_MQTT_USERNAME; default: anonymous).")
    private String mqttUsername;

    @Option(names = "--mqtt-password", paramLabel = "PASSWORD",
            description = "The password of --mqtt-username; prefer the variable IOTJOBS_MQTT_PASSWORD, which never "
                    + "shows in ps.")
    private String mqttPassword;

    @Option(names = "--mqtt-client-id", paramLabel = "ID",
            description = "The bridge's MQTT client id; every server on one broker needs its own "
                    + "(IOTJOBS_MQTT_CLIENT_ID; default: iot-jobs-bridge- and random digits).")
    private String mqttClientId;

    @Option(names = "--mqtt-shared-group", paramLabel = "GROUP",
            description = "Subscribe through $share/GROUP/..., so that the broker gives each device request to one of "
                    + "the servers sharing a database; give every such server the same GROUP "
                    + "(IOTJOBS_MQTT_SHARED_GROUP; default: none, for one server).")
    private String mqttSharedGroup;

    @Option(names = "--mqtt-ca", paramLabel = "FILE",
            description = "With an ssl:// broker: the PEM file of the CA certificates to trust "
                    + "(IOTJOBS_MQTT_CA; default: the JVM's trust store).")
    private Path mqttCa;

    @Option(names = "--mqtt-client-keystore", paramLabel = "FILE",
            description = "With an ssl:// broker that asks for client certificates: a PKCS#12 file with the bridge's "
                    + "certificate and key (IOTJOBS_MQTT_CLIENT_KEYSTORE).")
    private Path mqttClientKeystore;

    @Option(names = "--mqtt-client-keystore-password", paramLabel = "PASSWORD",
            description = "The password of --mqtt-client-keystore; prefer the variable "
                    + "IOTJOBS_MQTT_CLIENT_KEYSTORE_PASSWORD.")
    private String mqttClientKeystorePassword;

    @Option(names = "--mqtt-events", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            defaultValue = "false",
            description = "Also publish AWS's jobs events on $aws/events/job/... and $aws/events/jobExecution/... "
                    + "(IOTJOBS_MQTT_EVENTS; default false).")
    private boolean mqttEvents;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "error, warn, info, debug or trace; the log goes to stderr, debug adds stack traces "
                    + "(IOTJOBS_LOG_LEVEL; default info).")
    private String logLevel;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /**
     * @param options the object the options are written into
     * @param environment the environment variables to take defaults from ({@code System.getenv()})
     * @return picocli's parser for them
     */
    static CommandLine commandLine(ServerOptions options, Map<String, String> environment) {
        return new CommandLine(options)
                .setDefaultValueProvider(new EnvironmentDefaults(environment))
                .registerConverter(StoreKind.class, value -> lowerCaseEnum(StoreKind.class, value))
                .registerConverter(Auth.class, value -> lowerCaseEnum(Auth.class, value))
                // A value is taken as it is: no ${...} expansion, no @file reading (a password may hold either).
                .setInterpolateVariables(false)
                .setExpandAtFiles(false);
    }

    /**
     * Parses and checks the options together.
     *
     * @param environment the environment variables
     * @param args the command line
     * @return the options ({@link #helpRequested()} when {@code --help} was given)
     * @throws ParameterException if an option is unknown, malformed or does not fit the others
     */
    static ServerOptions parse(Map<String, String> environment, String... args) {
        return parse(commandLine(new ServerOptions(), environment), args);
    }

    /**
     * @param commandLine a parser from {@link #commandLine}
     * @param args the command line
     * @return its options, parsed and checked together (nothing is checked after {@code --help})
     * @throws ParameterException if an option is unknown, malformed or does not fit the others
     */
    static ServerOptions parse(CommandLine commandLine, String... args) {
        commandLine.parseArgs(args);
        ServerOptions options = commandLine.getCommand();
        if (!options.help) {
            options.check(commandLine);
        }
        return options;
    }

    /** picocli's own enum conversion would list the values in upper case. */
    private static <E extends Enum<E>> E lowerCaseEnum(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(E::toString).toList();
        throw new CommandLine.TypeConversionException("expected " + String.join(" or ", names) + ", not '" + value
                + "'");
    }

    /** @param name an option's long name, {@code --data-port} @return its variable, {@code IOTJOBS_DATA_PORT} */
    static String environmentVariable(String name) {
        return "IOTJOBS_" + name.replaceFirst("^--", "").toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private void check(CommandLine commandLine) {
        checkPort(commandLine, "--port", port);
        if (dataPort != null) {
            checkPort(commandLine, "--data-port", dataPort);
            if (dataPort != 0 && dataPort == port) {
                throw usage(commandLine, "--data-port must differ from --port (both are " + port + ")");
            }
        }
        if (store != StoreKind.H2 && h2File != null) {
            throw usage(commandLine, "--h2-file is for --store h2, not --store " + store);
        }
        if (h2File != null && (h2File.isBlank() || h2File.contains(";"))) {
            throw usage(commandLine, "--h2-file must be a file path without ';', not '" + h2File + "'");
        }
        if (store == StoreKind.POSTGRES) {
            if (jdbcUrl == null) {
                throw usage(commandLine, "--store postgres needs --jdbc-url (or IOTJOBS_JDBC_URL), such as "
                        + "jdbc:postgresql://localhost:5432/jobs");
            }
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw usage(commandLine, "--jdbc-url must start with jdbc:postgresql:, not '"
                        + JdbcUrls.withoutSecrets(jdbcUrl) + "'");
            }
        } else {
            for (String[] given : new String[][] {{"--jdbc-url", jdbcUrl}, {"--jdbc-user", jdbcUser},
                    {"--jdbc-password", jdbcPassword}}) {
                if (given[1] != null) {
                    throw usage(commandLine, given[0] + " (" + environmentVariable(given[0])
                            + ") is for --store postgres, not --store " + store);
                }
            }
        }
        if (auth == Auth.SIGV4 && credentials == null) {
            throw usage(commandLine, "--auth sigv4 needs --credentials FILE (or IOTJOBS_CREDENTIALS)");
        }
        if (auth == Auth.NONE && credentials != null) {
            throw usage(commandLine, "--credentials is used with --auth sigv4 only; add --auth sigv4 (or "
                    + "IOTJOBS_AUTH=sigv4) to check signatures");
        }
        if (endpointAddress != null) {
            Matcher address = ENDPOINT_ADDRESS.matcher(endpointAddress);
            if (!address.matches() || address.group(2) != null && !isPort(Integer.parseInt(address.group(2)))) {
                throw usage(commandLine, "--endpoint-address must be HOST or HOST:PORT (no scheme, no path), not '"
                        + endpointAddress + "'");
            }
        }
        checkMqtt(commandLine);
        if (!logLevel.toLowerCase(Locale.ROOT).matches("error|warn|info|debug|trace")) {
            throw usage(commandLine, "--log-level must be error, warn, info, debug or trace, not '" + logLevel + "'");
        }
    }

    private void checkMqtt(CommandLine commandLine) {
        if (mqttPort != null) {
            checkPort(commandLine, "--mqtt-port", mqttPort);
            if (!mqttEmbedded()) {
                throw usage(commandLine, "--mqtt-port is the embedded broker's port; with --mqtt " + mqtt
                        + " leave it out" + (mqttOff() ? "" : " and give the port in the broker's address"));
            }
            if (mqttPort != 0 && (mqttPort == port || mqttPort.equals(dataPort))) {
                throw usage(commandLine, "--mqtt-port must differ from --port and --data-port (" + mqttPort + ")");
            }
        } else if (mqttEmbedded() && (DEFAULT_MQTT_PORT == port || Integer.valueOf(DEFAULT_MQTT_PORT).equals(dataPort))) {
            throw usage(commandLine, "the embedded MQTT broker listens on " + DEFAULT_MQTT_PORT + ": move it with "
                    + "--mqtt-port");
        }
        checkMqttTls(commandLine);
        if (!mqttOff() && !mqttEmbedded()) {
            if (!mqtt.matches("(tcp|ssl)://[^/?#]+")) {
                throw usage(commandLine, "--mqtt must be embedded, none, tcp://HOST:PORT or ssl://HOST:PORT, not '"
                        + mqtt + "'");
            }
        }
        String[][] external = {{"--mqtt-ca", mqttCa == null ? null : mqttCa.toString()},
                {"--mqtt-client-keystore", mqttClientKeystore == null ? null : mqttClientKeystore.toString()}};
        for (String[] given : external) {
            if (given[1] != null && !mqtt.startsWith("ssl://")) {
                throw usage(commandLine, given[0] + " (" + environmentVariable(given[0]) + ") is for an ssl:// "
                        + "broker, not --mqtt " + mqtt);
            }
        }
        if (mqttClientKeystorePassword != null && mqttClientKeystore == null) {
            throw usage(commandLine, "--mqtt-client-keystore-password needs --mqtt-client-keystore");
        }
        if (mqttPassword != null && mqttUsername == null) {
            throw usage(commandLine, "--mqtt-password (IOTJOBS_MQTT_PASSWORD) needs --mqtt-username");
        }
        if (mqttOff()) {
            for (String[] given : new String[][] {{"--mqtt-username", mqttUsername}, {"--mqtt-client-id", mqttClientId},
                    {"--mqtt-shared-group", mqttSharedGroup}, {"--mqtt-events", mqttEvents ? "true" : null}}) {
                if (given[1] != null) {
                    throw usage(commandLine, given[0] + " (" + environmentVariable(given[0]) + ") needs MQTT on, "
                            + "not --mqtt none");
                }
            }
        }
        if (mqttSharedGroup != null && !mqttSharedGroup.matches("[^/+#$\\s]+")) {
            throw usage(commandLine, "--mqtt-shared-group must be a name without /, +, #, $ or spaces, not '"
                    + mqttSharedGroup + "'");
        }
    }

    /** The embedded broker's TLS listener: its port, its key store, and the CA of device certificates. */
    private void checkMqttTls(CommandLine commandLine) {
        if (mqttTlsPort == null) {
            for (String[] given : new String[][] {
                    {"--mqtt-tls-keystore", mqttTlsKeystore == null ? null : mqttTlsKeystore.toString()},
                    {"--mqtt-tls-client-ca", mqttTlsClientCa == null ? null : mqttTlsClientCa.toString()}}) {
                if (given[1] != null) {
                    throw usage(commandLine, given[0] + " (" + environmentVariable(given[0]) + ") needs "
                            + "--mqtt-tls-port, the embedded broker's TLS port");
                }
            }
        } else {
            checkPort(commandLine, "--mqtt-tls-port", mqttTlsPort);
            if (!mqttEmbedded()) {
                throw usage(commandLine, "--mqtt-tls-port (IOTJOBS_MQTT_TLS_PORT) is the embedded broker's TLS port; "
                        + "with --mqtt " + mqtt + " leave it out");
            }
            if (mqttTlsKeystore == null) {
                throw usage(commandLine, "--mqtt-tls-port needs --mqtt-tls-keystore FILE (or "
                        + "IOTJOBS_MQTT_TLS_KEYSTORE), the broker's key and certificate chain");
            }
            if (mqttTlsPort != 0 && (mqttTlsPort == port || mqttTlsPort.equals(dataPort)
                    || mqttTlsPort == mqttPort())) {
                throw usage(commandLine, "--mqtt-tls-port must differ from --port, --data-port and --mqtt-port ("
                        + mqttTlsPort + ")");
            }
        }
        if (mqttTlsKeystorePassword != null && mqttTlsKeystore == null) {
            throw usage(commandLine, "--mqtt-tls-keystore-password needs --mqtt-tls-keystore");
        }
    }

    private static void checkPort(CommandLine commandLine, String name, int value) {
        if (value != 0 && !isPort(value)) {
            throw usage(commandLine, name + " must be from 0 to 65535, not " + value);
        }
    }

    private static boolean isPort(int value) {
        return value >= 1 && value <= 65535;
    }

    private static ParameterException usage(CommandLine commandLine, String message) {
        return new ParameterException(commandLine, message);
    }

    /** @return whether {@code --help} was given (nothing else is checked then) */
    boolean helpRequested() {
        return help;
    }

    /** @return the address to listen on */
    String host() {
        return host;
    }

    /** @return the port of both planes (0: any free one) */
    int port() {
        return port;
    }

    /** @return the data-plane port, or null without one */
    Integer dataPort() {
        return dataPort;
    }

    /** @return where jobs are kept */
    StoreKind store() {
        return store;
    }

    /** @return the H2 file as given ({@link #DEFAULT_H2_FILE} when not given) */
    String h2File() {
        return h2File == null ? DEFAULT_H2_FILE : h2File;
    }

    /** @return the PostgreSQL JDBC URL, or null */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** @return the database user, or null */
    String jdbcUser() {
        return jdbcUser;
    }

    /** @return the database password, or null */
    String jdbcPassword() {
        return jdbcPassword;
    }

    /** @return the region in ARNs */
    String region() {
        return region;
    }

    /** @return the account in ARNs */
    String accountId() {
        return accountId;
    }

    /** @return this node's name, or null for a random one */
    String nodeId() {
        return nodeId;
    }

    /** @return whether signatures are checked */
    Auth auth() {
        return auth;
    }

    /** @return the credentials file, or null */
    Path credentials() {
        return credentials;
    }

    /** @return what DescribeEndpoint answers, or null for the data-plane listener's address */
    String endpointAddress() {
        return endpointAddress;
    }

    /** @return whether the server starts its own MQTT broker */
    boolean mqttEmbedded() {
        return mqtt.equals(EMBEDDED_MQTT);
    }

    /** @return whether MQTT is off */
    boolean mqttOff() {
        return mqtt.equals(NO_MQTT);
    }

    /** @return the external broker's address, {@code tcp://HOST:PORT} or {@code ssl://HOST:PORT} */
    String mqttBroker() {
        return mqtt;
    }

    /** @return the embedded broker's port (0: any free one) */
    int mqttPort() {
        return mqttPort == null ? DEFAULT_MQTT_PORT : mqttPort;
    }

    /** @return the embedded broker's TLS port (0: any free one), or null for no TLS */
    Integer mqttTlsPort() {
        return mqttTlsPort;
    }

    /** @return the PKCS#12 or JKS file of the broker's key and certificate chain, or null */
    Path mqttTlsKeystore() {
        return mqttTlsKeystore;
    }

    /** @return its password, or null */
    String mqttTlsKeystorePassword() {
        return mqttTlsKeystorePassword;
    }

    /** @return the PEM file of the CAs that sign device certificates, or null when none is asked */
    Path mqttTlsClientCa() {
        return mqttTlsClientCa;
    }

    /** @return the bridge's user name on the broker, or null for anonymous */
    String mqttUsername() {
        return mqttUsername;
    }

    /** @return its password, or null */
    String mqttPassword() {
        return mqttPassword;
    }

    /** @return the bridge's client id, or null for a random one */
    String mqttClientId() {
        return mqttClientId;
    }

    /** @return the shared-subscription group, or null */
    String mqttSharedGroup() {
        return mqttSharedGroup;
    }

    /** @return the PEM file of CAs to trust, or null */
    Path mqttCa() {
        return mqttCa;
    }

    /** @return the bridge's PKCS#12 client keystore, or null */
    Path mqttClientKeystore() {
        return mqttClientKeystore;
    }

    /** @return its password, or null */
    String mqttClientKeystorePassword() {
        return mqttClientKeystorePassword;
    }

    /** @return whether AWS's jobs events are published too */
    boolean mqttEvents() {
        return mqttEvents;
    }

    /** @return the log level, lower case */
    String logLevel() {
        return logLevel.toLowerCase(Locale.ROOT);
    }

    /** Takes an option's default from its {@code IOTJOBS_*} environment variable, if set and not empty. */
    static final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
        private final Map<String, String> environment;

        EnvironmentDefaults(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
        }

        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
                return null;
            }
            String value = environment.get(environmentVariable(option.longestName()));
            return value == null || value.isEmpty() ? null : value;
        }
    }
}
