package dev.lite2pg.source.sqlite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowidRangeTest {

    @Test
    void splitsBetweenTheSmallestAndLargestRowidWithoutGapOrOverlap() {
        assertThat(RowidRange.split(1, 25_000, 2)).containsExactly(new RowidRange(null, 12_500L), new RowidRange(12_500L, null));
        assertThat(RowidRange.split(-30_000, 29_999, 3)).containsExactly(new RowidRange(null, -10_001L),
                new RowidRange(-10_001L, 9_999L), new RowidRange(9_999L, null));
    }

    @Test
    void keepsATableWholeWhenAPartWouldBeSmallOrRowidsSpanMoreThanALong() {
        assertThat(RowidRange.split(1, 19_999, 2)).containsExactly(RowidRange.ALL);
        assertThat(RowidRange.split(1, 1_000_000, 1)).containsExactly(RowidRange.ALL);
        assertThat(RowidRange.split(Long.MIN_VALUE, Long.MAX_VALUE, 2)).containsExactly(RowidRange.ALL);
    }

    @Test
    void aPartEndsAfterItsLastRowid() {
        RowidRange first = new RowidRange(null, 10L);

        assertThat(first.endsBefore(new Object[]{10L})).isFalse();
        assertThat(first.endsBefore(new Object[]{11L})).isTrue();
        assertThat(RowidRange.ALL.endsBefore(new Object[]{"a text key of a WITHOUT ROWID table"})).isFalse();
        assertThat(new RowidRange(10L, null).endsBefore(new Object[]{Long.MAX_VALUE})).isFalse();
    }
}
