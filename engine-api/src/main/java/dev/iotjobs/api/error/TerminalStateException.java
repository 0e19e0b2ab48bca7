package dev.iotjobs.api.error;

/** The device read an execution that is already in a terminal status. AWS error code {@code TerminalStateException}, HTTP 410. */
public class TerminalStateException extends JobsException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public TerminalStateException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public TerminalStateException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "TerminalStateException";
    }

    @Override
    public int statusCode() {
        return 410;
    }
}
