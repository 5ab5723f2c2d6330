package dev.lite2pg.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.copy.RangePlanner.Range;
import dev.lite2pg.copy.RangePlanner.TableSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangePlannerTest {

    private static TableSize dense(String table, long rows) {
        return new TableSize(table, rows, 1L, rows);
    }

    @Test
    void aTableOverItsFairShareIsCutIntoContiguousRangesTheOthersStayWhole() {
        List<Range> ranges =
                RangePlanner.plan(List.of(dense("alerts", 900_000), dense("devices", 300_000), dense("sites", 50)), 2);

        // fair share 600,025 rows; alerts holds 3/4 of the rows: ceil(2 * 2 * 0.75) = 3 ranges
        assertThat(ranges)
                .containsExactly(
                        new Range("alerts", 1, 3, null, 300_000L, 300_000),
                        new Range("alerts", 2, 3, 300_000L, 600_000L, 300_000),
                        new Range("alerts", 3, 3, 600_000L, null, 300_000),
                        new Range("devices", 1, 1, null, null, 300_000),
                        new Range("sites", 1, 1, null, null, 50));
    }

    @Test
    void oneThreadNeverSplits() {
        assertThat(RangePlanner.plan(List.of(dense("alerts", 900_000), dense("sites", 5)), 1))
                .extracting(Range::whole)
                .containsExactly(true, true);
    }

    @Test
    void anEmptyTableOrOneWithoutRowidStaysWhole() {
        List<Range> ranges = RangePlanner.plan(
                List.of(new TableSize("empty", 0, null, null), new TableSize("keyed", 500_000, null, null)), 4);

        assertThat(ranges)
                .containsExactly(
                        new Range("empty", 1, 1, null, null, 0), new Range("keyed", 1, 1, null, null, 500_000));
    }

    @Test
    void aOneRowTableStaysWhole() {
        assertThat(RangePlanner.plan(List.of(new TableSize("one", 1, 42L, 42L)), 8))
                .containsExactly(new Range("one", 1, 1, null, null, 1));
    }

    @Test
    void rangesAreNeverSmallerThanTheMinimum() {
        // alone, the table is all the rows: 2 * 4 ranges by share, but only 25,000 / 10,000 = 2 by size
        assertThat(RangePlanner.plan(List.of(dense("t", 25_000)), 4))
                .extracting(Range::count)
                .containsExactly(2, 2);
        assertThat(RangePlanner.plan(List.of(dense("t", 19_999)), 4)).hasSize(1);
    }

    @Test
    void rowidGapsCutTheRowidSpanNotTheRows() {
        // 40,000 rows with rowids from 1 to 1,000,000: bounds split the span, estimates assume it is dense
        List<Range> ranges = RangePlanner.plan(List.of(new TableSize("sparse", 40_000, 1L, 1_000_000L)), 2);

        assertThat(ranges)
                .containsExactly(
                        new Range("sparse", 1, 4, null, 250_000L, 10_000),
                        new Range("sparse", 2, 4, 250_000L, 500_000L, 10_000),
                        new Range("sparse", 3, 4, 500_000L, 750_000L, 10_000),
                        new Range("sparse", 4, 4, 750_000L, null, 10_000));
    }

    @Test
    void negativeRowidsAreCutLikeAnyOther() {
        List<Range> ranges = RangePlanner.plan(List.of(new TableSize("neg", 40_000, -30_000L, 9_999L)), 2);

        assertThat(ranges)
                .extracting(Range::after, Range::upTo)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, -20_001L),
                        org.assertj.core.groups.Tuple.tuple(-20_001L, -10_001L),
                        org.assertj.core.groups.Tuple.tuple(-10_001L, -1L),
                        org.assertj.core.groups.Tuple.tuple(-1L, null));
    }

    @Test
    void rowidsSpanningTheWholeLongRangeDoNotOverflow() {
        List<Range> ranges =
                RangePlanner.plan(List.of(new TableSize("wide", 40_000, Long.MIN_VALUE, Long.MAX_VALUE)), 2);

        assertThat(ranges)
                .extracting(Range::after, Range::upTo)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, -4611686018427387905L),
                        org.assertj.core.groups.Tuple.tuple(-4611686018427387905L, -1L),
                        org.assertj.core.groups.Tuple.tuple(-1L, 4611686018427387903L),
                        org.assertj.core.groups.Tuple.tuple(4611686018427387903L, null));
        assertThat(ranges.stream().mapToLong(Range::rows).sum()).isEqualTo(40_000);
    }

    @Test
    void hugeRowidsNearTheTopAreCutWithoutOverflow() {
        List<Range> ranges =
                RangePlanner.plan(List.of(new TableSize("top", 20_000, Long.MAX_VALUE - 19_999, Long.MAX_VALUE)), 2);

        assertThat(ranges)
                .containsExactly(
                        new Range("top", 1, 2, null, Long.MAX_VALUE - 10_000, 10_000),
                        new Range("top", 2, 2, Long.MAX_VALUE - 10_000, null, 10_000));
    }

    @Test
    void theEstimatedRowsOfATablesRangesAddUpToItsRows() {
        List<Range> ranges = RangePlanner.plan(List.of(new TableSize("odd", 70_001, 3L, 123_457L)), 3);

        assertThat(ranges).hasSize(6);
        assertThat(ranges.stream().mapToLong(Range::rows).sum()).isEqualTo(70_001);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).after()).isEqualTo(ranges.get(i - 1).upTo());
            assertThat(ranges.get(i - 1).upTo())
                    .isGreaterThan(i == 1 ? 3 : ranges.get(i - 1).after());
        }
    }
}
