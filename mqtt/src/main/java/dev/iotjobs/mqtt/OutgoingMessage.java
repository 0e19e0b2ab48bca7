package dev.iotjobs.mqtt;

/**
 * A message the bridge publishes (QoS 1): an answer, a notification or a jobs event.
 *
 * @param topic where it goes
 * @param payload its JSON, UTF-8
 */
record OutgoingMessage(String topic, byte[] payload) {
}
