package dev.iotjobs.spi;

import dev.iotjobs.api.model.Values;
import java.time.Instant;
import java.util.Map;

/**
 * A stored thing group.
 *
 * @param thingGroupName its name
 * @param thingGroupArn its ARN
 * @param thingGroupId its generated id
 * @param parentGroupName its parent group, or null for a root group
 * @param description its description, or null
 * @param attributes its attributes
 * @param version 1 on insert
 * @param creationDate when it was created
 */
public record ThingGroupRecord(String thingGroupName, String thingGroupArn, String thingGroupId,
                               String parentGroupName, String description, Map<String, String> attributes,
                               long version, Instant creationDate) {
    /** Normalizes absent values. */
    public ThingGroupRecord {
        attributes = Values.map(attributes);
    }
}
