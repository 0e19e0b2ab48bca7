package dev.iotjobs.api.model;

import dev.iotjobs.api.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalization shared by the API's records: absent lists and maps become empty, given ones are copied
 * unmodifiable. Null elements are kept (not rejected here) so that validation can name the member at fault.
 */
public final class Values {
    private Values() {
    }

    /**
     * @param list a list, possibly null or holding nulls
     * @param <T> the element type
     * @return an unmodifiable copy, empty for null
     */
    public static <T> List<T> list(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * @param map a map, possibly null or holding null keys or values
     * @param <K> the key type
     * @param <V> the value type
     * @return an unmodifiable copy that keeps the given order, empty for null
     */
    public static <K, V> Map<K, V> map(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Parses an enum constant from its AWS name, as the AWS SDK's string setters do.
     *
     * @param type the enum type
     * @param member the request member being set, named in the error
     * @param value the AWS name, or null for absent
     * @param <E> the enum type
     * @return the constant, or null when value is null
     * @throws InvalidRequestException naming the member when the name is unknown
     */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String member, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw new InvalidRequestException(
                member + ": must be one of " + String.join(", ", names) + ", got \"" + shown(value) + "\"");
    }

    /** The rejected value as a message shows it: at most 64 characters, control characters escaped. */
    private static String shown(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(64).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 64 ? shown + "..." : shown.toString();
    }
}
