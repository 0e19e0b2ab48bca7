package dev.iotjobs.api.error;

/** The request conflicts with the resource's current state. AWS error code {@code ConflictException}, HTTP 409. */
public class ConflictException extends JobsException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public ConflictException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "ConflictException";
    }

    @Override
    public int statusCode() {
        return 409;
    }
}
