package dev.iotjobs.mqtt;

/** A request the bridge refuses before the engine sees it (its payload or topic), with what to answer. */
final class RejectedRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Rejection rejection;

    RejectedRequest(RejectedCode code, String message) {
        super(message, null, false, false);
        this.rejection = Rejection.of(code, message);
    }

    /** @return the answer */
    Rejection rejection() {
        return rejection;
    }
}
