package dev.iotjobs.mqtt;

/**
 * The bridge could not do what it was asked: reach the broker, be accepted by it, or subscribe to the jobs
 * request topics. The message says which broker, what failed and what to change.
 */
public class MqttBridgeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the broker
     * @param cause the underlying failure, or null
     */
    public MqttBridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
