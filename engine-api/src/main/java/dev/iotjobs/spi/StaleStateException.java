package dev.iotjobs.spi;

/**
 * A commit found a row changed since it was read (a version or revision mismatch, a row already there or
 * already gone). Nothing of the changeset was applied; the engine reloads and decides again.
 */
public class StaleStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message which row was stale */
    public StaleStateException(String message) {
        super(message, null, false, false);
    }
}
