package dev.lite2pg.report;

import java.util.List;

/** One copied table: what was read and written, what the target holds, and how each column was converted. */
public record TableReport(String source, String target, long sourceRows, long rowsRead, long rowsWritten,
                          long targetRows, long durationMillis, List<ColumnReport> columns) {

    public TableReport {
        columns = List.copyOf(columns);
    }

    public boolean countsMatch() {
        return sourceRows == targetRows;
    }
}
