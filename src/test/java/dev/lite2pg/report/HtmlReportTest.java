package dev.lite2pg.report;

import static dev.lite2pg.report.SampleReports.table;
import static dev.lite2pg.report.SampleReports.withVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlReportTest {

    @Test
    void hostileNamesStayText() {
        TableReport hostile = new TableReport(
                SampleReports.HOSTILE_TABLE,
                SampleReports.AMPERSAND_TABLE,
                1,
                1,
                1,
                1,
                0,
                5,
                1,
                List.of(new ColumnReport(
                        "a\"b", "<img src=x onerror=alert(1)>", "text", "text & more", Map.of("<i>kind</i>", 1L))),
                new ContentCheckResult(
                        SampleReports.AMPERSAND_TABLE, 1, 1, "a", "b", false, List.of("name=<u>x</u>: values differ")));
        String html = HtmlReport.render(
                withVerdict(Verdict.PASS, List.of(hostile), List.of("table \"<b>bold</b>\" & friends")));

        assertThat(html)
                .doesNotContain("<script", "<img", "<i>", "<b>")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
                .contains("orders &amp; &#39;returns&#39;; drop")
                .contains("a&quot;b")
                .contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;")
                .contains("text &amp; more")
                .contains("&lt;i&gt;kind&lt;/i&gt;: 1")
                .contains("table &quot;&lt;b&gt;bold&lt;/b&gt;&quot; &amp; friends")
                .contains("name&#x3D;&lt;u&gt;x&lt;/u&gt;: values differ")
                .doesNotContain("<u>");
    }

    @ParameterizedTest
    @CsvSource({"PASS, tone-pass, 0", "FAIL, tone-fail, 3", "PASS WITH WARNINGS, tone-warn, 0"})
    void verdictIsColouredAndMappedToItsExitCode(String verdict, String toneClass, int exitCode) {
        String html = HtmlReport.render(SampleReports.twoTables(Verdict.parse(verdict)));

        assertThat(html)
                .contains("<section class=\"verdict " + toneClass + "\"")
                .contains("<strong id=\"verdict\">" + verdict + "</strong>")
                .contains("exit code " + exitCode)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    }

    @Test
    void rateOfATableCopiedInNoMeasurableTimeIsNotAvailable() {
        String html = HtmlReport.render(
                withVerdict(Verdict.PASS, List.of(table("instant", 10, 0), table("timed", 1_000, 500)), List.of()));

        assertThat(html)
                .contains("<td class=\"num\">0 ms</td><td class=\"num\">n/a</td></tr>")
                .contains("<td class=\"num\">500 ms</td><td class=\"num\">2,000</td></tr>")
                .doesNotContain("Infinity", "NaN");
    }

    @Test
    void pageLoadsNothingFromAnywhere() {
        String html = HtmlReport.render(SampleReports.twoTables(Verdict.PASS));

        assertThat(html)
                .doesNotContain("http://", "https://", "<script", "<link", "<img", "src=", "url(", "@import")
                .contains("<style>")
                .contains("<svg class=\"chart\"")
                .contains(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    }

    @Test
    void printsTheTargetAsGivenAndASecretLookingNameOnlyEscaped() {
        String name = "users;password=hunter2";
        RunReport report = new RunReport(
                "job",
                "/data/app.sqlite",
                "abc",
                "snapshot-sha256",
                "postgresql://app:***@db.internal:5432/app",
                "public",
                "s",
                "f",
                Verdict.PASS,
                List.of(table(name, 1, 1)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);

        String html = HtmlReport.render(report);

        assertThat(html)
                .contains("<code>postgresql://app:***@db.internal:5432/app</code>")
                .contains("<td>users;password&#x3D;hunter2</td>")
                .doesNotContain(name);
    }

    @Test
    void showsEveryTableColumnForeignKeyAndSequence() {
        String html = HtmlReport.render(withVerdict(
                Verdict.FAIL,
                List.of(
                        table("customer", 1_200, 800),
                        new TableReport(
                                "album",
                                "albums",
                                10,
                                10,
                                10,
                                9,
                                0,
                                1_500,
                                10,
                                List.of(),
                                SampleReports.matching("albums", 10))),
                List.of("albums: 10 rows in the source, 9 in the target")));

        assertThat(html)
                .contains(
                        "<tr><td>albums</td><td class=\"bad\">NO</td><td class=\"num\">10</td><td class=\"num\">9</td><td class=\"num\">0</td><td>album</td>"
                                + "<td class=\"num\">10</td><td class=\"num\">10</td><td class=\"num\">1.50 s</td><td class=\"num\">7</td></tr>")
                .contains(
                        "<td class=\"good\">yes</td><td class=\"num\">1,200</td><td class=\"num\">1,200</td><td class=\"num\">0</td>")
                .contains(
                        "<tr><td>created_at</td><td>created</td><td>timestamp</td><td>timestamp (UTC)</td><td>offset converted to UTC: 3</td></tr>")
                .contains("<summary>albums <span class=\"none\">(0 columns)</span></summary>")
                .contains(
                        "<td>fk_employee_manager</td><td class=\"bad\">NO</td><td>employee</td><td>employee</td><td class=\"num\">n/a</td>"
                                + "<td class=\"num\">2</td><td class=\"note\">dropped for the copy, re-added and validated</td>")
                .contains(
                        "<td>empty_id_seq</td><td class=\"good\">yes</td><td>empty.id</td><td class=\"num\">-</td><td class=\"num\">-</td><td class=\"num\">1</td>")
                .contains("<li>albums: 10 rows in the source, 9 in the target</li>")
                .contains("2 tables, 1,210 rows in 2.30 s; <span class=\"bad\">1 with different row counts</span>");
    }

    @Test
    void showsEachTablesContentCheckAndTheFirstDifferingRowsOneALine() {
        String html = HtmlReport.render(withVerdict(
                Verdict.FAIL,
                List.of(table("customer", 1_200, 800), SampleReports.differing("orders")),
                List.of("table orders: content differs")));

        assertThat(html)
                .contains(
                        "<tr><td>customer</td><td class=\"good\">yes</td><td class=\"note\"></td><td class=\"num\">1,200</td>"
                                + "<td class=\"num\">1,200</td><td><code>00c0ffee00c0ffee</code></td><td><code>00c0ffee00c0ffee</code></td></tr>")
                .contains("<tr><td>orders</td><td class=\"bad\">NO</td>"
                        + "<td class=\"note\">id&#x3D;2: values differ<br>id&#x3D;3: missing from the target<br>id&#x3D;4: extra in the target</td>"
                        + "<td class=\"num\">3</td><td class=\"num\">3</td><td><code>1111111111111111</code></td>"
                        + "<td><code>2222222222222222</code></td></tr>");
    }

    @Test
    void listsTargetOnlyTablesWithTheirRowCountsAndOnlyWhenThereAreSome() {
        RunReport report = new RunReport(
                "job",
                "/data/app.sqlite",
                "abc",
                "snapshot-sha256",
                "postgresql://app@db.internal:5432/app",
                "public",
                "s",
                "f",
                Verdict.PASS,
                List.of(table("users", 1, 1)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(new TargetOnlyTable("role", 1_234), new TargetOnlyTable(SampleReports.HOSTILE_TABLE, 0)),
                null);

        String html = HtmlReport.render(report);

        assertThat(html)
                .contains("<h2>Target-only tables</h2>")
                .contains("<tr><td>role</td><td class=\"num\">1,234</td></tr>")
                .contains("<tr><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td><td class=\"num\">0</td></tr>")
                .doesNotContain(SampleReports.HOSTILE_TABLE);
        assertThat(HtmlReport.render(SampleReports.twoTables(Verdict.PASS))).doesNotContain("Target-only");
    }

    @Test
    void emptyRunSaysSoInsteadOfPrintingEmptyTablesAndMissingValuesPrintAsBlank() {
        String html = HtmlReport.render(new RunReport(
                "job",
                "src",
                null,
                "snapshot-sha256",
                "target",
                "public",
                "s",
                "f",
                Verdict.PASS,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null));

        assertThat(html)
                .contains("<p class=\"none\">No tables were copied.</p>")
                .doesNotContain("<table", "<svg", "<ul")
                .contains("<dt>source file sha256</dt><dd>not recorded</dd>")
                .contains("0 tables, 0 rows in 0 ms");
    }

    @Test
    void showsWarningsQuarantinedRowsHowTheDataWasLoadedAndTheMetrics() {
        String html = HtmlReport.render(SampleReports.quarantined());

        assertThat(html)
                .contains("<h2>Warnings</h2>")
                .contains("<li>1 source row(s) quarantined instead of copied</li>")
                .contains(
                        "<tr><td>orders</td><td>id&#x3D;7</td><td>paid</td><td class=\"note\">&#39;yes&#39;</td><td class=\"note\">not a boolean</td></tr>")
                .contains(
                        "Policy <code>on-bad-row: quarantine</code>; 1 row(s) set aside in <code>&quot;lite2pg&quot;.&quot;quarantine&quot;</code>")
                .contains(
                        "<td class=\"good\">yes</td><td class=\"num\">3</td><td class=\"num\">2</td><td class=\"num\">1</td>")
                .contains(
                        "<li>foreign keys dropped for the copy, re-added and validated after it: 2 (orders.fk_customer, orders.fk_store)</li>")
                .contains("<li>secondary indexes dropped for the copy, built after it: 1 (orders.orders_placed)</li>")
                .contains("<li>session setting: synchronous_commit &#x3D; off</li>")
                .contains(
                        "<tr><td>orders</td><td class=\"num\">3</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td>"
                                + "<td class=\"num\">12.5 ms</td><td class=\"num\">12.5 ms</td></tr>")
                .contains(
                        "<tr><td>orders_placed</td><td class=\"good\">yes</td><td class=\"good\">yes</td><td>orders</td><td>index</td>"
                                + "<td>yes, re-created</td></tr>");
    }

    @Test
    void aDryRunsQuarantineSaysTheDryRunDropsItsTableUnlessKept() {
        String cutover = HtmlReport.render(SampleReports.quarantined());
        String dryRun = HtmlReport.render(SampleReports.asDryRun(SampleReports.quarantined()));

        assertThat(dryRun)
                .contains(" of the staging target, which the dry-run drops as it ends unless run with"
                        + " <code>--keep</code>");
        assertThat(cutover).contains("row(s) set aside in <code>").doesNotContain("drops as it ends");
    }
}
