package dev.iotjobs.core.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC V3: a job document is a JSON object of at most {@code maxDocumentBytes} UTF-8 bytes. Used for a document
 * given at CreateJob and for one fetched from a {@code documentSource}.
 */
public final class JobDocumentCheck {
    /** Longest parser reason a message shows. */
    private static final int REASON_SHOWN = 160;

    // Trailing tokens ("{} {}") would otherwise be ignored by readTree.
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** A character Jackson quotes with its code: {@code 'x' (code 120)} or {@code '“' (code 8220 / 0x201c)}. */
    private static final Pattern CHARACTER = Pattern.compile("'(.)' \\(code \\d+(?: / 0x\\p{XDigit}+)?\\)");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    private JobDocumentCheck() {
    }

    /** @return the character quoted, with its code point when it is not printable ASCII */
    private static String shown(String character) {
        char c = character.charAt(0);
        return c > ' ' && c < 0x7f ? "'" + c + "'" : "'" + c + "' (" + codePoint(c) + ")";
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /**
     * @param document the document, possibly null
     * @param maxBytes most UTF-8 bytes allowed
     * @return what is wrong with it ({@code must be a JSON object}, {@code is not valid JSON: ...}, ...), empty
     *     when it is a JSON object within the limit
     */
    public static Optional<String> problem(String document, int maxBytes) {
        if (document == null) {
            return Optional.of("is required");
        }
        long bytes = utf8Length(document);
        if (bytes > maxBytes) {
            return Optional.of("must be at most " + maxBytes + " UTF-8 bytes, got " + bytes);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(document);
        } catch (JacksonException e) {
            return Optional.of("is not valid JSON: " + reason(e));
        } catch (RuntimeException e) {
            return Optional.of("is not valid JSON");
        }
        return tree != null && tree.isObject() ? Optional.empty() : Optional.of("must be a JSON object");
    }

    /** The UTF-8 length String.getBytes would produce (a lone surrogate becomes one '?' byte). */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                bytes += 1;
            } else if (ch < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(ch) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(ch)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The parser's reason in the user's terms: no parser classes, settings or character codes. */
    static String reason(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.startsWith("Trailing token")) {
            message = "unexpected content after the JSON value";
        }
        message = CHARACTER.matcher(message).replaceAll(m -> Matcher.quoteReplacement(shown(m.group(1))));
        message = CONTROL_CHARACTER.matcher(message).replaceAll(
                m -> "(control character " + codePoint(Integer.parseInt(m.group(1))) + ")");
        message = message.replaceAll("\\s*\\((?:for \\w+ starting|start marker) at \\[Source:.*?\\]\\)", "")
                .replaceAll(":?\\s*enable `[^`]*` to allow", "")
                .replaceAll("\\s*\\(not recognized as one since Feature '\\w+' not enabled for parser\\)", "")
                .replaceAll(", from `[^`]*`", "")
                .replaceAll("`[^`]*`", "");
        if (message.length() > REASON_SHOWN) {
            message = message.substring(0, REASON_SHOWN) + "...";
        }
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        return message;
    }
}
