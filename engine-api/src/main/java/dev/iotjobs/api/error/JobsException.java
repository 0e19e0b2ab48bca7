package dev.iotjobs.api.error;

/**
 * The root of every error the engine reports. Each AWS error code is one direct subclass, so callers can
 * catch them one by one or together.
 */
public abstract class JobsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the member or state at fault
     */
    protected JobsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    protected JobsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return the AWS error code, such as {@code InvalidRequestException} */
    public abstract String errorCode();

    /** @return the HTTP status AWS answers this error with */
    public abstract int statusCode();
}
