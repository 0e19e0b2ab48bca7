package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The relay's missing sequence numbers, kept as ranges (SPEC E2). */
class OpenGapsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);

    private final OpenGaps gaps = new OpenGaps();

    @Test
    void aRangeKeepsEveryNumberInItWithItsTime() {
        gaps.note(5, 10, T0);
        assertThat(gaps.since(4)).isNull();
        assertThat(gaps.since(5)).isEqualTo(T0);
        assertThat(gaps.since(9)).isEqualTo(T0);
        assertThat(gaps.since(10)).isNull();
        assertThat(gaps.lowest()).isEqualTo(5);
    }

    @Test
    void numbersAlreadyKeptKeepTheirTimeAndOnlyTheRestIsAdded() {
        gaps.note(5, 10, T0);
        gaps.note(3, 12, T1);
        assertThat(gaps.since(3)).isEqualTo(T1);
        assertThat(gaps.since(4)).isEqualTo(T1);
        assertThat(gaps.since(7)).isEqualTo(T0);
        assertThat(gaps.since(10)).isEqualTo(T1);
        assertThat(gaps.since(11)).isEqualTo(T1);
        assertThat(gaps.since(12)).isNull();
    }

    @Test
    void aNumberThatShowsUpSplitsItsRange() {
        gaps.note(1, 1_000_001, T0);
        assertThat(gaps.remove(500_000)).isTrue();
        assertThat(gaps.remove(500_000)).as("once").isFalse();
        assertThat(gaps.since(499_999)).isEqualTo(T0);
        assertThat(gaps.since(500_000)).isNull();
        assertThat(gaps.since(500_001)).isEqualTo(T0);
        assertThat(gaps.remove(1)).isTrue();
        assertThat(gaps.lowest()).isEqualTo(2);
        assertThat(gaps.remove(1_000_000)).isTrue();
        assertThat(gaps.since(999_999)).isEqualTo(T0);
        assertThat(gaps.remove(1_000_001)).isFalse();
    }

    @Test
    void rangesMissingSinceBeforeTheDeadlineAreForgotten() {
        gaps.note(1, 3, T0);
        gaps.note(7, 9, T1);
        gaps.forgetMissingSince(T1);
        assertThat(gaps.since(1)).isNull();
        assertThat(gaps.lowest()).isEqualTo(7);
        gaps.clear();
        assertThat(gaps.lowest()).isEqualTo(Long.MAX_VALUE);
    }
}
