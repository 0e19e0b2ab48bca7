package dev.iotjobs.spi;

/**
 * Which things {@link JobRepository#listThings} returns; null members do not filter.
 *
 * @param thingTypeName only things of this type
 * @param attributeName only things with this attribute, whose value is {@code attributeValue}
 * @param attributeValue the attribute's value (with {@code attributeName}; may be empty)
 * @param attributeValuePrefix whether {@code attributeValue} is a prefix of the value rather than the whole value
 */
public record ThingFilter(String thingTypeName, String attributeName, String attributeValue,
                          boolean attributeValuePrefix) {
    /** No filter. */
    public static final ThingFilter ALL = new ThingFilter(null, null, null, false);

    /** An attribute name and value go together. */
    public ThingFilter {
        if ((attributeName == null) != (attributeValue == null)) {
            throw new IllegalArgumentException("attributeName and attributeValue go together");
        }
    }

    /** @param thing a thing @return whether this filter keeps it (for stores that filter in memory) */
    public boolean test(ThingRecord thing) {
        if (thingTypeName != null && !thingTypeName.equals(thing.thingTypeName())) {
            return false;
        }
        if (attributeName == null) {
            return true;
        }
        String value = thing.attributes().get(attributeName);
        return value != null && (attributeValuePrefix ? value.startsWith(attributeValue) : value.equals(attributeValue));
    }
}
