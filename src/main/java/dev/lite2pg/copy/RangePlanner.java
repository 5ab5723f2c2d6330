package dev.lite2pg.copy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the tables that would otherwise be the copy's long pole into contiguous rowid ranges, each copied as its own
 * partition, so that every copy thread works until the end. A table holding more than its fair share of the rows
 * (total / parallelism) is cut into ranges of at most about half a fair share; every other table stays whole, as does
 * a table without rowid (its key may be composite) and one too small for a range to pay for its own step.
 *
 * <p>Bounds come from the smallest and the largest rowid, two b-tree lookups: rowids are nearly always dense, and
 * where they are not a range holds more rows than another, which costs balance, never a row. The first range is open
 * below and the last open above, so every row of the table is in exactly one range whatever its rowid.
 */
public final class RangePlanner {

    /** A range smaller than this costs more in its own step, connections and commits than it saves. */
    public static final long MIN_ROWS_PER_RANGE = 10_000;

    /**
     * @param rows rows in the table
     * @param minRowid its smallest rowid; null when it is empty or has no rowid (WITHOUT ROWID)
     * @param maxRowid its largest rowid; null when it is empty or has no rowid
     */
    public record TableSize(String table, long rows, Long minRowid, Long maxRowid) {}

    /**
     * @param index 1 to {@code count}, in rowid order
     * @param count the table's ranges: 1 for a table copied whole
     * @param after the range starts after this rowid; null from the table's first row
     * @param upTo the range ends with this rowid; null at the table's last row
     * @param rows the rows expected in the range, assuming dense rowids: for ordering, never for checking
     */
    public record Range(String table, int index, int count, Long after, Long upTo, long rows) {

        public boolean whole() {
            return count == 1;
        }
    }

    private RangePlanner() {}

    /** Ranges of every table, in the tables' order; a table's ranges in rowid order. */
    public static List<Range> plan(List<TableSize> tables, int parallelism) {
        long total = 0;
        for (TableSize t : tables) {
            total += t.rows();
        }
        List<Range> ranges = new ArrayList<>();
        for (TableSize t : tables) {
            ranges.addAll(split(t, parts(t, total, parallelism)));
        }
        return ranges;
    }

    static int parts(TableSize t, long total, int parallelism) {
        if (parallelism <= 1 || t.minRowid() == null || t.maxRowid() == null || t.rows() <= total / parallelism) {
            return 1;
        }
        // Pieces of at most half a fair share: scheduled largest first, the last to finish is then a small one.
        double share = (double) t.rows() / total;
        long byShare = (long) Math.ceil(2 * parallelism * share);
        return (int) Math.max(1, Math.min(byShare, t.rows() / MIN_ROWS_PER_RANGE));
    }

    private static List<Range> split(TableSize t, int parts) {
        if (parts <= 1) {
            return List.of(new Range(t.table(), 1, 1, null, null, t.rows()));
        }
        // max - min + 1 overflows a long when rowids reach both ends of its range.
        BigInteger min = BigInteger.valueOf(t.minRowid());
        BigInteger width = BigInteger.valueOf(t.maxRowid()).subtract(min).add(BigInteger.ONE);
        BigInteger n = BigInteger.valueOf(parts);
        List<Range> ranges = new ArrayList<>(parts);
        Long after = null;
        long rowsBefore = 0;
        for (int i = 1; i <= parts; i++) {
            Long upTo = null;
            long rowsUpTo = t.rows();
            if (i < parts) {
                BigInteger offset = width.multiply(BigInteger.valueOf(i)).divide(n);
                upTo = min.add(offset).subtract(BigInteger.ONE).longValueExact();
                rowsUpTo = BigInteger.valueOf(t.rows())
                        .multiply(offset)
                        .divide(width)
                        .longValueExact();
            }
            ranges.add(new Range(t.table(), i, parts, after, upTo, rowsUpTo - rowsBefore));
            after = upTo;
            rowsBefore = rowsUpTo;
        }
        return ranges;
    }
}
