package dev.iotjobs.store.jdbc;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.api.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log through SLF4J under Flyway's logger names, with what Flyway says at INFO ("Current version of
 * schema...", "Schema ... is up to date") moved to DEBUG while the store migrates: it would print on every start of a
 * service. Warnings and errors stay where they are, and so does everything a host's own Flyway logs on other
 * threads or later (Flyway's log configuration is one for the whole JVM). Public only because Flyway instantiates it
 * by name; not API.
 */
public final class FlywayDebugLog implements LogCreator {
    private static final ThreadLocal<Boolean> STORE_MIGRATING = new ThreadLocal<>();

    /** For Flyway, which creates it by its class name. */
    public FlywayDebugLog() {
    }

    /**
     * Runs the store's migration with Flyway's INFO at DEBUG on this thread.
     *
     * @param migration the migration
     */
    static void quietly(Runnable migration) {
        STORE_MIGRATING.set(Boolean.TRUE);
        try {
            migration.run();
        } finally {
            STORE_MIGRATING.remove();
        }
    }

    /** @return whether Flyway can create this class by name (not when flyway-core sits in a parent class loader) */
    static boolean visibleToFlyway() {
        try {
            return Class.forName(FlywayDebugLog.class.getName(), false, LogFactory.class.getClassLoader())
                    == FlywayDebugLog.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public Log createLogger(Class<?> source) {
        Logger logger = LoggerFactory.getLogger(source);
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                logger.debug(message);
            }

            @Override
            public void info(String message) {
                if (STORE_MIGRATING.get() != null) {
                    logger.debug(message);
                } else {
                    logger.info(message);
                }
            }

            @Override
            public void warn(String message) {
                logger.warn(message);
            }

            @Override
            public void error(String message) {
                logger.error(message);
            }

            @Override
            public void error(String message, Exception cause) {
                logger.error(message, cause);
            }

            @Override
            public void notice(String message) {
                info(message);
            }
        };
    }
}
