package dev.iotjobs.api.error;

/** A limit of the engine would be exceeded. AWS error code {@code LimitExceededException}, HTTP 410. */
public class LimitExceededException extends JobsException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public LimitExceededException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public LimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "LimitExceededException";
    }

    @Override
    public int statusCode() {
        return 410;
    }
}
