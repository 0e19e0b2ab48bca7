package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.spi.StaleStateException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Turns what the database threw into what the SPI promises (SPEC C2, C3): a conflict with another transaction (a
 * duplicate or missing row, a deadlock, a serialization failure) into {@link StaleStateException}, so that the engine
 * decides again; anything else (connection lost, timeout, database down) into
 * {@link ServiceUnavailableException} with the cause. Either way the transaction was rolled back.
 */
final class Failures {
    private final Dialect dialect;

    Failures(Dialect dialect) {
        this.dialect = dialect;
    }

    /** @param failure what a database call threw @return the exception to throw instead */
    RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StaleStateException || failure instanceof IllegalArgumentException
                || failure instanceof ServiceUnavailableException) {
            return failure;
        }
        SQLException conflict = conflictIn(failure);
        if (conflict != null) {
            return new StaleStateException("conflict with another transaction (SQLState " + conflict.getSQLState()
                    + "): " + conflict.getMessage());
        }
        return new ServiceUnavailableException("the iotjobs database failed: " + failure.getMessage(), failure);
    }

    /** @return the first SQL exception in the causes (and their next exceptions) that reports a conflict, or null */
    private SQLException conflictIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null && (next == sql || seen.add(next));
                     next = next.getNextException()) {
                    if (dialect.isConflict(next.getSQLState())) {
                        return next;
                    }
                }
            }
        }
        return null;
    }
}
