package dev.iotjobs.api.error;

/** The device's certificate is not valid. AWS error code {@code CertificateValidationException}, HTTP 400. */
public class CertificateValidationException extends JobsException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public CertificateValidationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public CertificateValidationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "CertificateValidationException";
    }

    @Override
    public int statusCode() {
        return 400;
    }
}
