/**
 * The AWS IoT Jobs device protocol over MQTT: {@code $aws/things/{thingName}/jobs/...} requests answered on
 * {@code /accepted} or {@code /rejected}, and {@code notify} / {@code notify-next} published from the engine's
 * events (SPEC W4-W7, E4, E5).
 */
package dev.iotjobs.mqtt;
