package dev.iotjobs.spi;

import dev.iotjobs.api.event.EngineEvent;

/**
 * An event as the store keeps it until delivered.
 *
 * @param sequence its position in commit order, strictly increasing
 * @param event the event
 */
public record StoredEvent(long sequence, EngineEvent event) {
}
