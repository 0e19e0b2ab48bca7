package dev.iotjobs.api.error;

/** The named job, execution, thing or thing group does not exist. AWS error code {@code ResourceNotFoundException}, HTTP 404. */
public class ResourceNotFoundException extends JobsException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public ResourceNotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ResourceNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "ResourceNotFoundException";
    }

    @Override
    public int statusCode() {
        return 404;
    }
}
