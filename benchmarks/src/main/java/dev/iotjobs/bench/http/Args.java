package dev.iotjobs.bench.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code key=value} arguments of the HTTP benchmarks' mains, each key with its default; an unknown key or a
 * malformed argument fails with the list of known keys.
 */
public final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> known = new TreeSet<>();

    private Args() {
    }

    /**
     * @param args {@code key=value} arguments
     * @param keys every key the program knows
     * @return the arguments
     * @throws IllegalArgumentException for an argument without {@code =} or with an unknown key
     */
    public static Args parse(String[] args, String... keys) {
        Args parsed = new Args();
        parsed.known.addAll(Arrays.asList(keys));
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("arguments are key=value, got \"" + arg + "\"; keys: "
                        + parsed.known);
            }
            String key = arg.substring(0, equals);
            if (!parsed.known.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\"; keys: " + parsed.known);
            }
            parsed.values.put(key, arg.substring(equals + 1));
        }
        return parsed;
    }

    /** @return the key's value, or the fallback */
    public String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** @return the key's value as an int, or the fallback */
    public int integer(String key, int fallback) {
        String value = values.get(key);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** @return the key's value as a number, or the fallback */
    public double number(String key, double fallback) {
        String value = values.get(key);
        return value == null ? fallback : Double.parseDouble(value);
    }

    /** @return the key's value as a boolean, or the fallback */
    public boolean bool(String key, boolean fallback) {
        String value = values.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    /** @return the comma-separated values of a key, or the fallback's */
    public List<String> list(String key, String fallback) {
        List<String> list = new ArrayList<>();
        for (String part : string(key, fallback).split(",")) {
            if (!part.isBlank()) {
                list.add(part.trim());
            }
        }
        return list;
    }
}
