package dev.lite2pg.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowidRangeTest {

    @Test
    void splitsBetweenTheSmallestAndLargestRowidWithoutGapOrOverlap() {
        assertThat(RowidRange.split(1, 25_000, 2))
                .containsExactly(new RowidRange(null, 12_500L), new RowidRange(12_500L, null));
        assertThat(RowidRange.split(-30_000, 29_999, 3))
                .containsExactly(
                        new RowidRange(null, -10_001L), new RowidRange(-10_001L, 9_999L), new RowidRange(9_999L, null));
    }

    @Test
    void keepsATableWholeWhenAPartWouldBeSmallOrRowidsSpanMoreThanALong() {
        assertThat(RowidRange.split(1, 19_999, 2)).containsExactly(RowidRange.ALL);
        assertThat(RowidRange.split(1, 1_000_000, 1)).containsExactly(RowidRange.ALL);
        assertThat(RowidRange.split(Long.MIN_VALUE, Long.MAX_VALUE, 2)).containsExactly(RowidRange.ALL);
    }
}
