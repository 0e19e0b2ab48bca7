package dev.iotjobs.mqtt;

/** Where a {@link BrokerLink} hands each incoming message: one at a time, in arrival order. */
@FunctionalInterface
interface InboundMessages {
    /**
     * @param topic the message's topic
     * @param payload its payload
     * @return true to acknowledge it to the broker (taken, or ignored for good); false to leave it unacknowledged,
     *     so that the broker gives it to another member of the shared group once this session ends (MQTT 5, 4.8.2)
     */
    boolean take(String topic, byte[] payload);
}
