package dev.iotjobs.core.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whole-value matching for the validation patterns that are one ASCII character class repeated ({@code [a-zA-Z0-9_-]+}
 * and the like): a table look-up per character instead of a {@link java.util.regex.Matcher}, which allocates on every
 * call, and names and ids are checked on every device request. Any other pattern goes to the regex engine.
 */
final class CharClassPattern {
    /** Per pattern source: its table, or {@link #NOT_SIMPLE}. */
    private static final Map<String, Object> TABLES = new ConcurrentHashMap<>();
    private static final Object NOT_SIMPLE = new Object();

    private CharClassPattern() {
    }

    /**
     * @param pattern a pattern without flags
     * @param value the value
     * @return {@code pattern.matcher(value).matches()}
     */
    static boolean matches(Pattern pattern, String value) {
        Object table = pattern.flags() == 0 ? TABLES.computeIfAbsent(pattern.pattern(), CharClassPattern::parse)
                : NOT_SIMPLE;
        if (table == NOT_SIMPLE) {
            return pattern.matcher(value).matches();
        }
        Table simple = (Table) table;
        if (value.isEmpty()) {
            return !simple.atLeastOne;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128 || !simple.allowed[c]) {
                return false;
            }
        }
        return true;
    }

    /** @return the table of {@code [set]+} or {@code [set]*} whose set holds only ASCII letters, digits, ranges of
     *     them and the punctuation {@code _:.,@/#-}, else {@link #NOT_SIMPLE} */
    static Object parse(String source) {
        int n = source.length();
        if (n < 4 || source.charAt(0) != '[' || source.charAt(n - 2) != ']'
                || (source.charAt(n - 1) != '+' && source.charAt(n - 1) != '*')) {
            return NOT_SIMPLE;
        }
        String set = source.substring(1, n - 2);
        boolean[] allowed = new boolean[128];
        for (int i = 0; i < set.length(); i++) {
            char c = set.charAt(i);
            boolean range = i + 2 < set.length() && set.charAt(i + 1) == '-';
            if (range) {
                char to = set.charAt(i + 2);
                if (!isAlphanumeric(c) || !isAlphanumeric(to) || to < c || kind(c) != kind(to)) {
                    return NOT_SIMPLE;
                }
                for (char x = c; x <= to; x++) {
                    allowed[x] = true;
                }
                i += 2;
            } else if (isAlphanumeric(c) || "_:.,@/#".indexOf(c) >= 0 || (c == '-' && i == set.length() - 1)) {
                allowed[c] = true;
            } else {
                return NOT_SIMPLE;
            }
        }
        return new Table(allowed, source.charAt(n - 1) == '+');
    }

    private static boolean isAlphanumeric(char c) {
        return kind(c) != 0;
    }

    private static int kind(char c) {
        if (c >= 'a' && c <= 'z') {
            return 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return 2;
        }
        return c >= '0' && c <= '9' ? 3 : 0;
    }

    private record Table(boolean[] allowed, boolean atLeastOne) {
    }
}
