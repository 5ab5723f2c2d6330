package dev.lite2pg.report;

import java.util.List;
import java.util.Map;

/** Run reports to render in tests, with names chosen to break naive HTML. */
final class SampleReports {

    static final String HOSTILE_TABLE = "<script>alert(\"x\")</script>";
    static final String AMPERSAND_TABLE = "orders & 'returns'; drop";

    private SampleReports() {
    }

    static RunReport withVerdict(String verdict, List<TableReport> tables, List<String> problems) {
        return new RunReport("nightly-cutover", "/data/app.sqlite", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "postgresql://app@db.internal:5432/app", "public", "2025-03-01T10:00:00Z", "2025-03-01T10:05:00Z", verdict,
                tables,
                List.of(new ForeignKeyCheck("fk_orders_customer", "orders", "customer", 0, 0, false),
                        new ForeignKeyCheck("fk_employee_manager", "employee", "employee", -1, 2, true)),
                List.of(new SequenceCheck("orders_id_seq", "orders", "id", 1200L, 1250L, 1251),
                        new SequenceCheck("empty_id_seq", "empty", "id", null, null, 1)),
                problems);
    }

    static TableReport table(String name, long rows, long millis) {
        return new TableReport(name, name, rows, rows, rows, rows, millis,
                List.of(new ColumnReport("id", "id", "bigint", "integer", Map.of()),
                        new ColumnReport("created", "created_at", "timestamp", "timestamp (UTC)", Map.of("offset converted to UTC", 3L))));
    }

    static RunReport twoTables(String verdict) {
        return withVerdict(verdict, List.of(table("customer", 1_200, 800), table(HOSTILE_TABLE, 35_000, 2_500)), List.of());
    }
}
