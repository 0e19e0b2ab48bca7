package dev.iotjobs.api.error;

/** The request was throttled. AWS error code {@code ThrottlingException}, HTTP 429. */
public class ThrottlingException extends JobsException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public ThrottlingException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ThrottlingException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "ThrottlingException";
    }

    @Override
    public int statusCode() {
        return 429;
    }
}
