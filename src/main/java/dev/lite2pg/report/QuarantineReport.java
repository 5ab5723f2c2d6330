package dev.lite2pg.report;

import dev.lite2pg.quarantine.QuarantinedRow;
import java.util.List;

/**
 * @param policy {@code fail} or {@code quarantine}, as in the job file
 * @param table where the rows are, to query them all
 * @param rows rows this run set aside
 * @param first the first of them, with key, columns, value and reason
 */
public record QuarantineReport(String policy, String table, long rows, List<QuarantinedRow> first) {

    public QuarantineReport {
        first = List.copyOf(first);
    }

    public static QuarantineReport none(String policy, String table) {
        return new QuarantineReport(policy, table, 0, List.of());
    }
}
