package dev.iotjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table look-up answers as the regex engine does, for every validation pattern and the value shapes they see. */
class CharClassPatternTest {
    private static final List<Pattern> PATTERNS = List.of(ValidationShapes.ID, ValidationShapes.ID_OR_NEXT,
            ValidationShapes.NAME, ValidationShapes.PRINTABLE, ValidationShapes.PRINTABLE_OR_EMPTY,
            ValidationShapes.REASON_CODE, ValidationShapes.GROUP_ID, ValidationShapes.ATTRIBUTE_KEY,
            ValidationShapes.ATTRIBUTE_VALUE, ValidationShapes.NEXT_TOKEN, Pattern.compile("[-a-z]+"),
            Pattern.compile("[a-z]"), Pattern.compile("[a-z0-9]*"));

    @Test
    void answersAsTheRegexEngine() {
        List<String> values = new ArrayList<>(List.of("", "a", "A", "0", "-", "_", ":", "thing-1", "job_2",
                "a b", "$next", "ünïcode", "\uD83D\uDE00", "a.b,c@d/e:f#g", "x+y=z", "tab\t", "[", "]"));
        Random random = new Random(12);
        String alphabet = "azAZ09_-:.,@/#+= $ü\u0000\t[]^\\";
        for (int i = 0; i < 2000; i++) {
            StringBuilder value = new StringBuilder();
            for (int j = random.nextInt(6); j > 0; j--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        for (Pattern pattern : PATTERNS) {
            for (String value : values) {
                assertThat(CharClassPattern.matches(pattern, value)).as(pattern + " on " + value)
                        .isEqualTo(pattern.matcher(value).matches());
            }
        }
    }

    @Test
    void takesTheTableOnlyForOneAsciiClassRepeated() {
        assertThat(CharClassPattern.parse("[a-zA-Z0-9_-]+")).isNotSameAs(CharClassPattern.parse("[^a]+"));
        assertThat(CharClassPattern.parse("[a-z]+|x")).isSameAs(CharClassPattern.parse("[\\p{C}]+"));
    }
}
