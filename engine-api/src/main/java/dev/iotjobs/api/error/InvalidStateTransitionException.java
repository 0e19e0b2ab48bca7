package dev.iotjobs.api.error;

import dev.iotjobs.api.model.JobExecutionState;

/**
 * The execution (or job) is in a status from which the requested change is not allowed. AWS error code {@code InvalidStateTransitionException}, HTTP 409.
 * Carries the execution's current state when an execution is concerned.
 */
public class InvalidStateTransitionException extends JobsException {
    private static final long serialVersionUID = 1L;
    private final transient JobExecutionState executionState;

    /** @param message what went wrong */
    public InvalidStateTransitionException(String message) {
        this(message, null);
    }

    /**
     * @param message what went wrong
     * @param executionState the execution's current state, or null when no execution is concerned
     */
    public InvalidStateTransitionException(String message, JobExecutionState executionState) {
        super(message);
        this.executionState = executionState;
    }

    /** @return the execution's current state, or null when no execution is concerned */
    public JobExecutionState executionState() {
        return executionState;
    }

    @Override
    public String errorCode() {
        return "InvalidStateTransitionException";
    }

    @Override
    public int statusCode() {
        return 409;
    }
}
