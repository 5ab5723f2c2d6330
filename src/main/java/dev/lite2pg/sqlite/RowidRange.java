package dev.lite2pg.sqlite;

import dev.lite2pg.model.SourceTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A contiguous part of a table by rowid, so that parts can be read and checked at the same time.
 *
 * @param after the part starts after this rowid; null from the first row
 * @param upTo the part ends with this rowid; null to the last row
 */
public record RowidRange(Long after, Long upTo) {

    public static final RowidRange ALL = new RowidRange(null, null);

    /** A part smaller than this costs more in its own connection and scratch table than it saves. */
    static final long MIN_ROWS_PER_PART = 10_000;

    /**
     * Splits between the smallest and the largest rowid, two b-tree lookups instead of a count. Rowids are nearly
     * always dense; where they are not, a part holds more rows than another, which costs only balance. A WITHOUT
     * ROWID table stays whole.
     */
    public static List<RowidRange> parts(Connection sqlite, SourceTable table, int parallelism) throws SQLException {
        long[] bounds = bounds(sqlite, table);
        return bounds == null ? List.of(ALL) : split(bounds[0], bounds[1], parallelism);
    }

    /**
     * The table's smallest and largest rowid, two b-tree lookups; null for an empty table or a WITHOUT ROWID one.
     */
    public static long[] bounds(Connection sqlite, SourceTable table) throws SQLException {
        if (table.withoutRowid()) {
            return null;
        }
        String rowid = SqliteSql.rowidAlias(table);
        try (Statement st = sqlite.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT min(" + rowid + "), max(" + rowid + ") FROM " + SqliteSql.quote(table.name()))) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? null : new long[] {min, rs.getLong(2)};
        }
    }

    static List<RowidRange> split(long min, long max, int parallelism) {
        long span;
        try {
            span = Math.addExact(Math.subtractExact(max, min), 1);
        } catch (ArithmeticException e) {
            // Rowids spread over more than 2^63 values: too rare to be worth splitting.
            return List.of(ALL);
        }
        int parts = (int) Math.max(1, Math.min(parallelism, span / MIN_ROWS_PER_PART));
        List<RowidRange> ranges = new ArrayList<>();
        Long after = null;
        for (int i = 1; i < parts; i++) {
            long upTo = min + (span / parts * i - 1);
            ranges.add(new RowidRange(after, upTo));
            after = upTo;
        }
        ranges.add(new RowidRange(after, null));
        return ranges;
    }
}
