package dev.iotjobs.api.error;

/** The request is malformed: a member is missing, too long, out of range or of the wrong pattern. AWS error code {@code InvalidRequestException}, HTTP 400. */
public class InvalidRequestException extends JobsException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public InvalidRequestException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "InvalidRequestException";
    }

    @Override
    public int statusCode() {
        return 400;
    }
}
