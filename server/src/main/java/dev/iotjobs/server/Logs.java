package dev.iotjobs.server;

/**
 * The standalone server's log: SLF4J's simple binding, on stderr (stdout carries only the ready line), at the level
 * of {@code --log-level}. A {@code -Dorg.slf4j.simpleLogger.*} given to the JVM wins.
 */
final class Logs {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logs() {
    }

    /**
     * Sets the log's properties; call it before the first logger is made.
     *
     * @param level error, warn, info, debug or trace
     */
    static void configure(String level) {
        setIfAbsent("defaultLogLevel", level);
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        if (level.equals("info")) {
            // HikariCP announces every pool start and stop at INFO, the embedded MQTT broker (Moquette) its own.
            setIfAbsent("log.com.zaxxer.hikari", "warn");
            setIfAbsent("log.io.moquette", "warn");
        }
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(PREFIX + name) == null) {
            System.setProperty(PREFIX + name, value);
        }
    }
}
