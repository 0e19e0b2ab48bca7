package dev.iotjobs.api.error;

import dev.iotjobs.api.model.JobExecutionState;

/**
 * The expected version does not match the current one. AWS error code {@code VersionConflictException}, HTTP 409.
 * Carries the execution's current state when an execution is concerned.
 */
public class VersionConflictException extends JobsException {
    private static final long serialVersionUID = 1L;
    private final transient JobExecutionState executionState;

    /** @param message what went wrong */
    public VersionConflictException(String message) {
        this(message, null);
    }

    /**
     * @param message what went wrong
     * @param executionState the execution's current state, or null when no execution is concerned
     */
    public VersionConflictException(String message, JobExecutionState executionState) {
        super(message);
        this.executionState = executionState;
    }

    /** @return the execution's current state, or null when no execution is concerned */
    public JobExecutionState executionState() {
        return executionState;
    }

    @Override
    public String errorCode() {
        return "VersionConflictException";
    }

    @Override
    public int statusCode() {
        return 409;
    }
}
