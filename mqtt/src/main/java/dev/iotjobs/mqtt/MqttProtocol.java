package dev.iotjobs.mqtt;

/** The MQTT protocol version the bridge speaks to its broker. */
public enum MqttProtocol {
    /**
     * MQTT 5, falling back to 3.1.1 when the broker refuses an MQTT 5 connection (Moquette 0.17 does); the
     * default.
     */
    AUTO,
    /** MQTT 5 only: a broker that refuses it fails {@link MqttJobsBridge#start()}. */
    V5,
    /** MQTT 3.1.1 only. */
    V3_1_1
}
