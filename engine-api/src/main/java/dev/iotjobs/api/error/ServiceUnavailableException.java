package dev.iotjobs.api.error;

/** The store failed or stayed contended; the request changed nothing and may be retried. AWS error code {@code ServiceUnavailableException}, HTTP 503. */
public class ServiceUnavailableException extends JobsException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public ServiceUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "ServiceUnavailableException";
    }

    @Override
    public int statusCode() {
        return 503;
    }
}
