package dev.lite2pg.report;

import dev.lite2pg.metrics.TableFigures;
import dev.lite2pg.quarantine.QuarantinedRow;
import java.util.List;
import java.util.Map;

/** Run reports to render in tests, with names chosen to break naive HTML. */
final class SampleReports {

    static final String HOSTILE_TABLE = "<script>alert(\"x\")</script>";
    static final String AMPERSAND_TABLE = "orders & 'returns'; drop";

    private SampleReports() {}

    static RunReport withVerdict(Verdict verdict, List<TableReport> tables, List<String> problems) {
        return new RunReport(
                "nightly-cutover",
                "/data/app.sqlite",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "postgresql://app@db.internal:5432/app",
                "public",
                "2025-03-01T10:00:00Z",
                "2025-03-01T10:05:00Z",
                verdict,
                tables,
                List.of(
                        new ForeignKeyCheck("fk_orders_customer", "orders", "customer", 0, 0, false),
                        new ForeignKeyCheck("fk_employee_manager", "employee", "employee", -1, 2, true)),
                List.of(
                        new SequenceCheck("orders_id_seq", "orders", "id", 1200L, 1250L, 1251),
                        new SequenceCheck("empty_id_seq", "empty", "id", null, null, 1)),
                problems,
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** One row of orders quarantined: the counts still add up, and the verdict carries a warning. */
    static RunReport quarantined() {
        TableReport orders = new TableReport(
                "orders",
                "orders",
                3,
                3,
                2,
                2,
                1,
                10,
                List.of(new ColumnReport("paid", "paid", "boolean", "boolean", Map.of())),
                matching("orders", 2));
        return new RunReport(
                "nightly-cutover",
                "/data/app.sqlite",
                "abc",
                "postgresql://app@db.internal:5432/app",
                "public",
                "2025-03-01T10:00:00Z",
                "2025-03-01T10:05:00Z",
                Verdict.PASS_WITH_WARNINGS,
                List.of(orders),
                List.of(),
                List.of(),
                List.of(),
                List.of("1 source row(s) quarantined instead of copied"),
                new QuarantineReport(
                        "quarantine",
                        "\"lite2pg\".\"quarantine\"",
                        1,
                        List.of(new QuarantinedRow(
                                "orders",
                                "orders",
                                "id=7",
                                "[7]",
                                "{\"id\":7,\"paid\":\"yes\"}",
                                "paid",
                                "'yes'",
                                "not a boolean",
                                QuarantinedRow.Origin.VALUE))),
                new LoadingReport(
                        2,
                        List.of("orders.fk_customer", "orders.fk_store"),
                        List.of("orders.orders_placed"),
                        1_250,
                        1,
                        40,
                        List.of("synchronous_commit = off")),
                List.of(new TableFigures("orders", 3, 2, 1, 1, 12.5, 12.5)),
                List.of(
                        new SchemaObjectCheck("foreign key", "orders", "fk_customer", true, true, true),
                        new SchemaObjectCheck("index", "orders", "orders_placed", true, true, true)),
                List.of(),
                List.of());
    }

    static TableReport table(String name, long rows, long millis) {
        return new TableReport(
                name,
                name,
                rows,
                rows,
                rows,
                rows,
                0,
                millis,
                List.of(
                        new ColumnReport("id", "id", "bigint", "integer", Map.of()),
                        new ColumnReport(
                                "created",
                                "created_at",
                                "timestamp",
                                "timestamp (UTC)",
                                Map.of("offset converted to UTC", 3L))),
                matching(name, rows));
    }

    static ContentCheckResult matching(String table, long rows) {
        return new ContentCheckResult(table, rows, rows, "00c0ffee00c0ffee", "00c0ffee00c0ffee", true, List.of());
    }

    /** A table whose counts match but whose content does not: one row changed, one missing, one extra. */
    static TableReport differing(String name) {
        return new TableReport(
                name,
                name,
                3,
                3,
                3,
                3,
                0,
                10,
                List.of(new ColumnReport("id", "id", "bigint", "integer", Map.of())),
                new ContentCheckResult(
                        name,
                        3,
                        3,
                        "1111111111111111",
                        "2222222222222222",
                        false,
                        List.of("id=2: values differ", "id=3: missing from the target", "id=4: extra in the target")));
    }

    static RunReport twoTables(Verdict verdict) {
        return withVerdict(
                verdict, List.of(table("customer", 1_200, 800), table(HOSTILE_TABLE, 35_000, 2_500)), List.of());
    }
}
