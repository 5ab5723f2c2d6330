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
                "snapshot-sha256",
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
                List.of(),
                null);
    }

    /** A resumed dry-run's report: what the report says about the run itself. */
    static RunReport rehearsal(Verdict verdict) {
        RunReport r = withVerdict(verdict, List.of(table("customer", 1_200, 800)), List.of());
        return with(
                r,
                verdict.passed() ? List.of() : List.of("1 source row(s) would stop the cutover"),
                new RunFacts("1.2.3", true, true, 83_000));
    }

    /** The report as a dry-run of it would read: the same figures, its facts saying dry-run. */
    static RunReport asDryRun(RunReport r) {
        return with(r, r.problems(), new RunFacts("1.2.3", true, false, 1_000));
    }

    private static RunReport with(RunReport r, List<String> problems, RunFacts facts) {
        return new RunReport(
                r.job(),
                r.source(),
                r.sourceFileSha256(),
                r.snapshotSha256(),
                r.target(),
                r.targetSchema(),
                r.started(),
                r.finished(),
                r.verdict(),
                r.tables(),
                r.foreignKeys(),
                r.sequences(),
                problems,
                r.warnings(),
                r.quarantine(),
                r.loading(),
                r.metrics(),
                r.schemaObjects(),
                r.verifyQueries(),
                r.targetOnlyTables(),
                facts);
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
                2,
                List.of(new ColumnReport("paid", "paid", "boolean", "boolean", Map.of())),
                matching("orders", 2));
        return new RunReport(
                "nightly-cutover",
                "/data/app.sqlite",
                "abc",
                "snapshot-sha256",
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
                List.of(),
                null);
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
                rows,
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
                3,
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

    /** What is hardest to fit on a phone: a long table name, and a difference naming many columns by long keys. */
    static RunReport longNotes() {
        TableReport differing = differing("order_line_items_archive");
        String many = "values differ in description, shipping_address, billing_address, customer_notes, gift_message";
        TableReport longDifferences = new TableReport(
                differing.source(),
                differing.target(),
                differing.sourceRows(),
                differing.rowsRead(),
                differing.rowsWritten(),
                differing.targetRows(),
                differing.quarantinedRows(),
                differing.durationMillis(),
                differing.rowsWrittenThisRun(),
                differing.columns(),
                new ContentCheckResult(
                        differing.target(),
                        3,
                        3,
                        "1111111111111111",
                        "2222222222222222",
                        false,
                        List.of("order_id=1000000001, line=1: " + many, "order_id=1000000002, line=7: " + many)));
        return withVerdict(
                Verdict.FAIL,
                List.of(table("customer", 1_200, 800), longDifferences),
                List.of("table order_line_items_archive: content differs from the source; first differences: "
                        + longDifferences.content().firstDifferences()));
    }

    static RunReport twoTables(Verdict verdict) {
        return withVerdict(
                verdict, List.of(table("customer", 1_200, 800), table(HOSTILE_TABLE, 35_000, 2_500)), List.of());
    }
}
