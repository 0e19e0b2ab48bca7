package dev.iotjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC V3, issue #8: an invalid document's message says what is wrong and where, in the user's terms. */
class JobDocumentCheckTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"a":}       | is not valid JSON: Unexpected character ('}'): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 6
            {"a":1       | is not valid JSON: Unexpected end-of-input: expected close marker for Object at line 1, column 7
            {} {}        | is not valid JSON: unexpected content after the JSON value at line 1, column 4
            {a:1}        | is not valid JSON: Unexpected character ('a'): was expecting double-quote to start field name at line 1, column 2
            {"a":"\\q"}  | is not valid JSON: Unrecognized character escape 'q' at line 1, column 8
            {"a":1]      | is not valid JSON: Unexpected close marker ']': expected '}' at line 1, column 7
            {"a":NaN}    | is not valid JSON: Non-standard token 'NaN' at line 1, column 9
            """)
    void v3_invalidJsonNamesTheProblemAndItsLineAndColumn(String document, String expected) {
        assertThat(JobDocumentCheck.problem(document, 32_768)).contains(expected);
    }

    @Test
    void v3_invalidJsonMessagesShowNoParserInternals() {
        for (String document : List.of("{\"a\":\"x\u0001\"}", "\u0001", "{\"a\":1e}", "[1,2", "{\"a\":01}",
                "{\"a\":+1}", "{\u201ca\u201d:1}", "{\"a\":1 /* c */}", "{\"a\":\u00a01}", "\ufeff{}")) {
            assertThat(JobDocumentCheck.problem(document, 32_768)).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("is not valid JSON: ")
                    .contains(" at line 1, column ")
                    .doesNotContain("Source", "REDACTED", "code ", "`", "Feature", "enable", "com.fasterxml"));
        }
        assertThat(JobDocumentCheck.problem("{\u201ca\u201d:1}", 32_768)).hasValueSatisfying(problem ->
                assertThat(problem).contains("'\u201c' (U+201C)"));
        assertThat(JobDocumentCheck.problem("[".repeat(1100) + "]".repeat(1100), 100_000)).hasValueSatisfying(
                problem -> assertThat(problem).isEqualTo(
                        "is not valid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)"));
    }
}
