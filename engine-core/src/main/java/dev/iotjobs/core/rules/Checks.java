package dev.iotjobs.core.rules;

import dev.iotjobs.api.error.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A fluent checker that records the first failure only (SPEC V1: first failure in member order) and never throws
 * while checking. Once a failure is recorded, or when a value is absent, every further check is a no-op, so
 * validation code reads as a flat list of member shapes:
 *
 * <pre>{@code
 * Checks c = new Checks();
 * c.required("jobId", r.jobId()).length(1, 64).pattern(ID);
 * c.number("maxResults", r.maxResults()).range(1, 250);
 * return c.failure();
 * }</pre>
 *
 * <p>Messages are {@code member: problem, got value}, for example {@code jobId: must match [a-zA-Z0-9_-]+, got
 * "a b"}. Nested members carry their path ({@code timeoutConfig.inProgressTimeoutInMinutes}, {@code targets[3]},
 * {@code statusDetails["k"]}).
 */
public final class Checks {
    /** How many characters of a value a message shows at most before abbreviating it. */
    static final int SHOWN = 64;

    private String failure;

    /** @return whether no failure has been recorded yet */
    public boolean ok() {
        return failure == null;
    }

    /** @return the first failure as the exception to throw, or empty when every check passed */
    public Optional<InvalidRequestException> failure() {
        return failure == null ? Optional.empty() : Optional.of(new InvalidRequestException(failure));
    }

    /**
     * Records a failure, unless an earlier one is recorded already.
     *
     * @param member the member's name or path
     * @param problem what is wrong, such as {@code must be at least 1, got 0}
     * @return this
     */
    public Checks fail(String member, String problem) {
        if (failure == null) {
            failure = member + ": " + problem;
        }
        return this;
    }

    /**
     * A required value of any type (a structure, an enum, the request itself).
     *
     * @param member the member's name or path
     * @param value the value, null when absent
     * @return whether the value is there and nothing has failed so far, so that it can be checked further
     */
    public boolean present(String member, Object value) {
        if (value == null) {
            fail(member, "is required");
        }
        return given(value);
    }

    /**
     * @param value an optional value
     * @return whether it is there and nothing has failed so far, so that it can be checked further
     */
    public boolean given(Object value) {
        return ok() && value != null;
    }

    /**
     * @param member the member's name or path
     * @param value an optional string
     * @return checks of the string, skipped when it is absent
     */
    public Text text(String member, String value) {
        return new Text(member, "", value);
    }

    /**
     * @param member the member's name or path
     * @param value a required string
     * @return checks of the string; {@code is required} is recorded when it is absent
     */
    public Text required(String member, String value) {
        present(member, value);
        return text(member, value);
    }

    /**
     * @param member the member's name or path
     * @param value an optional number (Integer, Long or Double)
     * @return checks of the number, skipped when it is absent
     */
    public Num number(String member, Number value) {
        return new Num(member, value);
    }

    /**
     * @param member the member's name or path
     * @param value a required number (Integer, Long or Double)
     * @return checks of the number; {@code is required} is recorded when it is absent
     */
    public Num required(String member, Number value) {
        present(member, value);
        return number(member, value);
    }

    /**
     * An enum restricted to some of its constants (SPEC X2).
     *
     * @param member the member's name or path
     * @param value the constant, skipped when absent
     * @param allowed the constants allowed, in the order the message lists them
     * @param <E> the enum type
     * @return this
     */
    public <E extends Enum<E>> Checks oneOf(String member, E value, List<E> allowed) {
        if (given(value) && !allowed.contains(value)) {
            fail(member, "must be one of " + String.join(", ", allowed.stream().map(Enum::name).toList())
                    + ", got " + value.name());
        }
        return this;
    }

    /**
     * @param member the list's name or path
     * @param items the list; the API never hands out null lists, but a null list is treated as empty
     * @param <T> the element type
     * @return checks of the list
     */
    public <T> Items<T> list(String member, List<T> items) {
        return new Items<>(member, items == null ? List.of() : items);
    }

    /**
     * @param member the map's name or path
     * @param entries the map; a null map is treated as empty
     * @return checks of the map
     */
    public Entries map(String member, Map<String, String> entries) {
        return new Entries(member, entries == null ? Map.of() : entries);
    }

    /**
     * Shows a string in a message: quoted, invisible and line-breaking characters escaped (backslash, u, four
     * hex digits), abbreviated with {@code ...} after about 64 characters.
     *
     * @param value the string, possibly null
     * @return the string as a message shows it
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder("\"");
        for (int i = 0; i < value.length(); ) {
            if (shown.length() > SHOWN) {
                return shown.append("...\"").toString();
            }
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> shown.append("\\\"");
                case '\\' -> shown.append("\\\\");
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (invisible(cp)) {
                        // Control, format, line-breaking and lone surrogate characters would garble the message.
                        for (char unit : Character.toChars(cp)) {
                            shown.append(String.format("\\u%04x", (int) unit));
                        }
                    } else {
                        shown.appendCodePoint(cp);
                    }
                }
            }
        }
        return shown.append('"').toString();
    }

    private static boolean invisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** Shows a number in a message: whole doubles without a fraction ({@code 5}, {@code 1.1}, {@code NaN}). */
    static String show(double number) {
        if (Double.isFinite(number) && number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return Double.toString(number);
    }

    private static String show(Number number) {
        return isFloating(number) ? show(number.doubleValue()) : number.toString();
    }

    private static boolean isFloating(Number number) {
        return number instanceof Double || number instanceof Float;
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Checks of one string; each is skipped when the string is absent or an earlier check failed. */
    public final class Text {
        private final String member;
        private final String subject;
        private final String value;

        private Text(String member, String subject, String value) {
            this.member = member;
            this.subject = subject;
            this.value = value;
        }

        private boolean active() {
            return given(value);
        }

        private void fail(String problem) {
            Checks.this.fail(member, subject + problem);
        }

        /**
         * @param min fewest characters (code points)
         * @param max most characters (code points)
         * @return this
         */
        public Text length(int min, int max) {
            if (active()) {
                // Only count code points of a value that can be short enough: values may be megabytes long. A
                // code point takes at most two chars, so more than 2 * max chars are more than max code points.
                long length = value.length() > 2L * max ? (long) max + 1 : value.codePointCount(0, value.length());
                if (length < min) {
                    fail("must be at least " + plural(min, "character") + ", got " + quote(value));
                } else if (length > max) {
                    fail("must be at most " + plural(max, "character") + ", got "
                            + value.codePointCount(0, value.length()));
                }
            }
            return this;
        }

        /**
         * @param max most characters (code points)
         * @return this
         */
        public Text maxLength(int max) {
            return length(0, max);
        }

        /**
         * @param pattern the pattern the whole value must match
         * @return this
         */
        public Text pattern(Pattern pattern) {
            if (active() && !CharClassPattern.matches(pattern, value)) {
                fail("must match " + pattern.pattern() + ", got " + quote(value));
            }
            return this;
        }

        /**
         * A check of its own.
         *
         * @param problem the problem of a value ({@code must be ..., got ...}), empty when it is fine
         * @return this
         */
        public Text check(Function<String, Optional<String>> problem) {
            if (active()) {
                problem.apply(value).ifPresent(this::fail);
            }
            return this;
        }
    }

    /** Checks of one number; each is skipped when the number is absent or an earlier check failed. */
    public final class Num {
        private final String member;
        private final Number value;

        private Num(String member, Number value) {
            this.member = member;
            this.value = value;
        }

        private boolean within(long min, long max) {
            if (isFloating(value)) {
                double d = value.doubleValue();
                return d >= min && d <= max; // false for NaN
            }
            long v = value.longValue();
            return v >= min && v <= max;
        }

        /**
         * @param min smallest value allowed
         * @param max largest value allowed
         * @return this
         */
        public Num range(long min, long max) {
            if (given(value) && !within(min, max)) {
                fail(member, "must be between " + min + " and " + max + ", got " + show(value));
            }
            return this;
        }

        /**
         * @param min smallest value allowed
         * @param max largest value allowed
         * @return this
         */
        public Num range(double min, double max) {
            double d = value == null ? 0 : value.doubleValue();
            if (given(value) && !(d >= min && d <= max)) {
                fail(member, "must be between " + show(min) + " and " + show(max) + ", got " + show(value));
            }
            return this;
        }

        /**
         * @param min smallest value allowed
         * @return this
         */
        public Num atLeast(long min) {
            if (given(value) && !within(min, Long.MAX_VALUE)) {
                fail(member, "must be at least " + min + ", got " + show(value));
            }
            return this;
        }

        /**
         * A range with one special value besides it, such as {@code -1} for "no step timer" (SPEC X9).
         *
         * @param special the value allowed outside the range
         * @param min smallest value of the range
         * @param max largest value of the range
         * @return this
         */
        public Num rangeOr(long special, long min, long max) {
            if (given(value) && !within(special, special) && !within(min, max)) {
                fail(member, "must be " + special + " or between " + min + " and " + max + ", got " + show(value));
            }
            return this;
        }
    }

    /**
     * Checks of one list; each is skipped when an earlier check failed.
     *
     * @param <T> the element type
     */
    public final class Items<T> {
        private final String member;
        private final List<T> items;

        private Items(String member, List<T> items) {
            this.member = member;
            this.items = items;
        }

        /**
         * @param min fewest items
         * @param max most items ({@link Integer#MAX_VALUE} for no limit)
         * @return this
         */
        public Items<T> size(int min, int max) {
            int size = items.size();
            if (ok() && (size < min || size > max)) {
                String limit = max == Integer.MAX_VALUE ? "at least " + plural(min, "item")
                        : min == 0 ? "at most " + plural(max, "item")
                        : "between " + min + " and " + max + " items";
                fail(member, "must have " + limit + ", got " + size);
            }
            return this;
        }

        /**
         * Checks every element in order: a null element fails with {@code member[i]: must not be null}, others are
         * given to the check with their path.
         *
         * @param check checks one element, given its path {@code member[i]} and the element
         * @return this
         */
        public Items<T> each(BiConsumer<String, T> check) {
            for (int i = 0; i < items.size() && ok(); i++) {
                T item = items.get(i);
                String path = member + "[" + i + "]";
                if (item == null) {
                    fail(path, "must not be null");
                } else {
                    check.accept(path, item);
                }
            }
            return this;
        }
    }

    /** Checks of one string-to-string map; each is skipped when an earlier check failed. */
    public final class Entries {
        private final String member;
        private final Map<String, String> entries;

        private Entries(String member, Map<String, String> entries) {
            this.member = member;
            this.entries = entries;
        }

        /**
         * @param max most entries
         * @return this
         */
        public Entries atMost(int max) {
            if (ok() && entries.size() > max) {
                fail(member, "must have at most " + max + (max == 1 ? " entry" : " entries") + ", got "
                        + entries.size());
            }
            return this;
        }

        /**
         * Checks every entry in map order. A null key fails with {@code member: keys must not be null}; key checks
         * fail with {@code member: key ...}, value checks with {@code member["key"]: ...}, and a null value with
         * {@code member["key"]: must not be null}.
         *
         * @param check checks one entry, given checks of its key and of its value
         * @return this
         */
        public Entries each(BiConsumer<Text, Text> check) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                if (!ok()) {
                    break;
                }
                String key = entry.getKey();
                if (key == null) {
                    fail(member, "keys must not be null");
                    break;
                }
                String path = member + "[" + quote(key) + "]";
                check.accept(new Text(member, "key ", key), new Text(path, "", entry.getValue()));
                if (ok() && entry.getValue() == null) {
                    fail(path, "must not be null");
                }
            }
            return this;
        }
    }
}
