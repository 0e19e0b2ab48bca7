package dev.iotjobs.spi;

import dev.iotjobs.api.model.Values;
import java.util.Map;

/**
 * A stored thing.
 *
 * @param thingName its name
 * @param thingArn its ARN
 * @param thingId its generated id
 * @param thingTypeName its type, or null
 * @param attributes its attributes
 * @param version 1 on insert
 */
public record ThingRecord(String thingName, String thingArn, String thingId, String thingTypeName,
                          Map<String, String> attributes, long version) {
    /** Normalizes absent values. */
    public ThingRecord {
        attributes = Values.map(attributes);
    }
}
