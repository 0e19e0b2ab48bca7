package dev.iotjobs.api.error;

/** A resource with that name already exists. AWS error code {@code ResourceAlreadyExistsException}, HTTP 409. */
public class ResourceAlreadyExistsException extends JobsException {
    private static final long serialVersionUID = 1L;
    private final String resourceId;
    private final String resourceArn;

    /**
     * @param message what went wrong
     * @param resourceId the id of the existing resource
     * @param resourceArn the ARN of the existing resource
     */
    public ResourceAlreadyExistsException(String message, String resourceId, String resourceArn) {
        super(message);
        this.resourceId = resourceId;
        this.resourceArn = resourceArn;
    }

    /** @return the id of the existing resource */
    public String resourceId() {
        return resourceId;
    }

    /** @return the ARN of the existing resource */
    public String resourceArn() {
        return resourceArn;
    }

    @Override
    public String errorCode() {
        return "ResourceAlreadyExistsException";
    }

    @Override
    public int statusCode() {
        return 409;
    }
}
