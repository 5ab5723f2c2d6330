package dev.lite2pg.report;

import java.util.List;

/**
 * One copied table: what was read and written, what the target holds, how each column was converted, and whether
 * the target's rows are the source's rows.
 *
 * @param quarantinedRows source rows set aside instead of copied (on-bad-row: quarantine)
 * @param durationMillis the table's copy in this run only: a resumed table's time before it stopped, and the time
 *     it stood stopped, are not in it
 * @param rowsWrittenThisRun rows this run wrote, over which {@code durationMillis} gives the table's rate
 */
public record TableReport(
        String source,
        String target,
        long sourceRows,
        long rowsRead,
        long rowsWritten,
        long targetRows,
        long quarantinedRows,
        long durationMillis,
        long rowsWrittenThisRun,
        List<ColumnReport> columns,
        ContentCheckResult content) {

    public TableReport {
        columns = List.copyOf(columns);
    }

    /** Every source row is accounted for: copied, or set aside in the quarantine. */
    public boolean countsMatch() {
        return sourceRows == targetRows + quarantinedRows;
    }
}
