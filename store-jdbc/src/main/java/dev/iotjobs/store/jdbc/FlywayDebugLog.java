package dev.iotjobs.store.jdbc;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log of the store's migrations, through SLF4J under Flyway's logger names, with what Flyway says at INFO
 * ("Current version of schema...", "Schema ... is up to date") moved to DEBUG: it would print on every start of a
 * service. Warnings and errors stay where they are. Public only because Flyway instantiates it by name; not API.
 */
public final class FlywayDebugLog implements LogCreator {
    /** For Flyway, which creates it by its class name. */
    public FlywayDebugLog() {
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
                logger.debug(message);
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
                logger.debug(message);
            }
        };
    }
}
