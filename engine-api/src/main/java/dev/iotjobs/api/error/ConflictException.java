package dev.iotjobs.api.error;

/** The request conflicts with the resource's current state. AWS error code {@code ConflictException}, HTTP 409. */
public class ConflictException extends JobsException {
    private static final long serialVersionUID = 1L;
    private final String resourceId;

    /** @param message what went wrong */
    public ConflictException(String message) {
        this(message, (String) null);
    }

    /**
     * @param message what went wrong
     * @param resourceId the id of the resource in conflict (AWS's modeled member), or null
     */
    public ConflictException(String message, String resourceId) {
        super(message);
        this.resourceId = resourceId;
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
        this.resourceId = null;
    }

    /** @return the id of the resource in conflict, such as the job template id of CreateJobTemplate, or null */
    public String resourceId() {
        return resourceId;
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
