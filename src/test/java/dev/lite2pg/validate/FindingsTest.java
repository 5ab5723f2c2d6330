package dev.lite2pg.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.report.ColumnReport;
import dev.lite2pg.report.ContentCheckResult;
import dev.lite2pg.report.ForeignKeyCheck;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.SchemaObjectCheck;
import dev.lite2pg.report.TableReport;
import dev.lite2pg.report.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which findings fail a run and which are warnings to read: decided without a database. */
class FindingsTest {

    @Test
    void aTargetThatMatchesTheSourceHasNeitherProblemsNorWarnings() {
        Findings findings = findings(List.of(table("orders", 3, 3, 0, Map.of())), List.of(), Map.of(), false, false);

        assertThat(findings.problems()).isEmpty();
        assertThat(findings.warnings()).isEmpty();
    }

    @Test
    void missingRowsAMissingDeferredIndexAndTooFewSourceTablesAreProblemsInThatOrder() {
        Findings findings = new Findings(
                List.of(table("orders", 3, 2, 0, Map.of())),
                List.of(),
                List.of(),
                List.of(new SchemaObjectCheck("index", "orders", "orders_placed_idx", true, false, false)),
                Optional.of("the source file held 2 table(s)"),
                false,
                false,
                Map.of(),
                "lite2pg.quarantine",
                List.of(),
                Set.of(),
                Map.of(),
                List.of());

        assertThat(findings.problems()).hasSize(3);
        assertThat(findings.problems().get(0)).startsWith("table orders: source orders has 3 rows, target has 2");
        assertThat(findings.problems().get(1)).isEqualTo("the source file held 2 table(s)");
        assertThat(findings.problems().get(2))
                .isEqualTo("index orders_placed_idx on orders is missing (dropped for the copy and not re-created)");
    }

    @Test
    void sourceOrphansFailUnlessTheRunQuarantinedThem() {
        List<ForeignKeyCheck> keys =
                List.of(new ForeignKeyCheck("fk_orders_customer", "orders", "customer", 2, 0, false));

        assertThat(findings(List.of(), keys, Map.of(), false, false).problems())
                .containsExactly("foreign key fk_orders_customer on orders: 2 orphan references in the source");
        assertThat(findings(List.of(), keys, Map.of(), true, false).problems()).isEmpty();
    }

    @Test
    void quarantinedRowsWarnAndFailOnlyADryRunOfACutoverThatStopsOnThem() {
        Map<String, Long> quarantined = new LinkedHashMap<>();
        quarantined.put("orders", 2L);
        quarantined.put("customer", 1L);
        List<TableReport> tables = List.of(table("orders", 5, 3, 2, Map.of()), table("customer", 4, 3, 1, Map.of()));

        Findings quarantining = findings(tables, List.of(), quarantined, true, false);
        Findings rehearsingFail = findings(tables, List.of(), quarantined, true, true);

        assertThat(quarantining.quarantinedRows()).isEqualTo(3);
        assertThat(quarantining.problems()).isEmpty();
        assertThat(quarantining.warnings())
                .singleElement()
                .asString()
                .startsWith(
                        "3 source row(s) quarantined instead of copied, in 2 table(s): orders 2, customer 1; every one is in lite2pg.quarantine");
        assertThat(rehearsingFail.problems())
                .singleElement()
                .asString()
                .startsWith("3 source row(s) would stop the cutover (on-bad-row: fail)");
        assertThat(rehearsingFail.warnings())
                .as("the problem names them; a warning that they were quarantined would count them twice")
                .isEmpty();
    }

    @Test
    void mixedColumnsFromTheScanThenValuesTheCopyChangedAreWarnings() {
        Adjustment warning = List.of(Adjustment.values()).stream()
                .filter(Adjustment::warns)
                .findFirst()
                .orElseThrow();
        Findings findings = new Findings(
                List.of(table("events", 1, 1, 0, Map.of(warning.name(), 4L))),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                false,
                false,
                Map.of(),
                "lite2pg.quarantine",
                List.of("events.at mixes text and numbers"),
                Set.of(),
                Map.of(),
                List.of());

        assertThat(findings.problems()).isEmpty();
        assertThat(findings.warnings()).hasSize(2);
        assertThat(findings.warnings().get(0)).isEqualTo("events.at mixes text and numbers");
        assertThat(findings.warnings().get(1)).contains("events.at").contains("4");
    }

    @Test
    void theReportCarriesTheFindingsAndTheVerdictTheyMake() {
        Findings failing = findings(List.of(table("orders", 3, 2, 0, Map.of())), List.of(), Map.of(), false, false);
        Findings passing = findings(List.of(table("orders", 3, 3, 0, Map.of())), List.of(), Map.of(), false, false);

        RunReport failed = failing.report(
                "job",
                "app.sqlite",
                "abc",
                "def",
                "postgresql://db/app",
                "public",
                "s",
                "f",
                null,
                null,
                List.of(),
                List.of(),
                null);
        RunReport passed = passing.report(
                "job",
                "app.sqlite",
                "abc",
                "def",
                "postgresql://db/app",
                "public",
                "s",
                "f",
                null,
                null,
                List.of(),
                List.of(),
                null);

        assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failed.problems()).isEqualTo(failing.problems()).isNotEmpty();
        assertThat(failed.tables()).isEqualTo(failing.tables());
        assertThat(passed.verdict()).isEqualTo(Verdict.PASS);
        assertThat(passed.problems()).isEmpty();
    }

    @Test
    void orphansResolvedWarnPerTableAndForeignKeyAndFailOnlyADryRunOfACutoverThatStopsOnThem() {
        // orders: 1 bad row quarantined and 2 orphans deleted; fill: 1 row set to NULL (still in the target).
        Map<String, Long> removed = Map.of("orders", 3L);
        Map<String, Long> orphans = new LinkedHashMap<>();
        orphans.put("fill (order_id) SET_NULL", 1L);
        orphans.put("orders (alert_id) DELETED", 2L);
        List<TableReport> tables = List.of(table("orders", 5, 2, 3, Map.of()), table("fill", 4, 4, 0, Map.of()));

        Findings cutover = orphanFindings(tables, removed, false, false, orphans);
        Findings rehearsingBadRowsFail = orphanFindings(tables, removed, true, false, orphans);
        Findings rehearsingOrphansFail = orphanFindings(tables, removed, false, true, orphans);

        assertThat(cutover.problems()).isEmpty();
        assertThat(cutover.warnings())
                .contains("rows whose parent row is not in the target, per table (foreign key columns): fill"
                        + " (order_id) 1 set to NULL, orders (alert_id) 2 deleted; every one is in lite2pg.quarantine"
                        + " with its values before the change and the reason");
        assertThat(rehearsingBadRowsFail.problems())
                .singleElement()
                .asString()
                .as("the deleted orphans are the orphans policy's, not bad rows")
                .startsWith("1 source row(s) would stop the cutover (on-bad-row: fail)")
                .endsWith("; 2 more row(s) were set aside only because their parent row is not in the target");
        assertThat(rehearsingOrphansFail.problems())
                .singleElement()
                .asString()
                .startsWith("3 row(s) whose parent row is missing would stop the cutover (orphans: fail)");
    }

    @Test
    void aDryRunFailsOnlyOnTheOrphansOfKeysWhoseCutoverFailsOnThem() {
        Map<String, Long> orphans = new LinkedHashMap<>();
        orphans.put("fill (order_id) PARENT", 3L);
        orphans.put("orders (alert_id) DELETED", 2L);
        List<TableReport> tables = List.of(table("orders", 5, 3, 2, Map.of()), table("fill", 4, 1, 3, Map.of()));
        Map<String, Long> removed = Map.of("orders", 2L, "fill", 3L);

        Findings failingFill = new Findings(
                tables,
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                true,
                false,
                removed,
                "lite2pg.quarantine",
                List.of(),
                Set.of("fill (order_id)"),
                orphans,
                List.of());
        Findings failingNone = orphanFindings(tables, removed, false, false, orphans);

        assertThat(failingFill.problems())
                .singleElement()
                .asString()
                .as("the deleted orders are resolved by their own key's policy")
                .startsWith("3 row(s) whose parent row is missing would stop the cutover (orphans: fail)");
        assertThat(failingNone.problems()).isEmpty();
    }

    private static Findings orphanFindings(
            List<TableReport> tables,
            Map<String, Long> removed,
            boolean setAsideRowsFail,
            boolean setAsideOrphansFail,
            Map<String, Long> orphans) {
        return new Findings(
                tables,
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                true,
                setAsideRowsFail,
                removed,
                "lite2pg.quarantine",
                List.of(),
                setAsideOrphansFail ? Set.of("fill (order_id)", "orders (alert_id)") : Set.of(),
                orphans,
                List.of());
    }

    private static Findings findings(
            List<TableReport> tables,
            List<ForeignKeyCheck> keys,
            Map<String, Long> quarantined,
            boolean quarantines,
            boolean setAsideRowsFail) {
        return new Findings(
                tables,
                keys,
                List.of(),
                List.of(),
                Optional.empty(),
                quarantines,
                setAsideRowsFail,
                quarantined,
                "lite2pg.quarantine",
                List.of(),
                Set.of(),
                Map.of(),
                List.of());
    }

    private static TableReport table(
            String name, long sourceRows, long targetRows, long quarantined, Map<String, Long> adjustments) {
        ContentCheckResult content =
                new ContentCheckResult(name, sourceRows - quarantined, targetRows, "x", "x", true, List.of());
        return new TableReport(
                name,
                name,
                sourceRows,
                sourceRows,
                targetRows,
                targetRows,
                quarantined,
                10,
                targetRows,
                List.of(new ColumnReport("at", "at", "timestamptz", "timestamp", adjustments)),
                content);
    }
}
