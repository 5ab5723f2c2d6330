package dev.lite2pg.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.quarantine.QuarantinedRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void contentSectionShowsBothChecksumsAndTheFirstDifferingRows() {
        String md = MarkdownReport.render(SampleReports.withVerdict(
                Verdict.FAIL,
                List.of(SampleReports.table("customer", 1_200, 800), SampleReports.differing("a|b")),
                List.of("content differs")));

        assertThat(md)
                .contains("| customer | 1,200 | 1,200 | `00c0ffee00c0ffee` | `00c0ffee00c0ffee` | yes |  |\n")
                .contains("| a\\|b | 3 | 3 | `1111111111111111` | `2222222222222222` | **NO** | "
                        + "id=2: values differ; id=3: missing from the target; id=4: extra in the target |\n");
    }

    @Test
    void aResumedDryRunIsTitledAsOneWithItsExitCodeDurationVersionAndBothHashesLabelled() {
        String md = MarkdownReport.render(SampleReports.rehearsal(Verdict.FAIL));

        assertThat(md)
                .startsWith("# lite2pg dry-run report (a rehearsal, not the cutover): nightly-cutover\n\n")
                .contains("**Verdict: FAIL** (exit code 3)\n")
                .contains(
                        "| source file sha256 | `9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08` |\n")
                .contains("| snapshot sha256 (what was copied) | `snapshot-sha256` |\n")
                .contains("| duration | 1 min 23 s (this run) |\n")
                .contains("| resumed an earlier run | yes |\n")
                .contains("| lite2pg | `1.2.3` |\n")
                .doesNotContain("cutover report");
        assertThat(MarkdownReport.render(SampleReports.withVerdict(Verdict.PASS, List.of(), List.of())))
                .startsWith("# lite2pg cutover report: nightly-cutover\n\n")
                .contains("**Verdict: PASS** (exit code 0)\n");
    }

    @Test
    void aDryRunsQuarantineSaysTheDryRunDropsItsTableUnlessKept() {
        String cutover = MarkdownReport.render(SampleReports.quarantined());
        String dryRun = MarkdownReport.render(SampleReports.asDryRun(SampleReports.quarantined()));

        assertThat(dryRun)
                .contains("1 row(s) set aside in `\"lite2pg\".\"quarantine\"` of the staging target, which the dry-run"
                        + " drops as it ends unless run with `--keep`.");
        assertThat(cutover).doesNotContain("drops as it ends");
    }

    @Test
    void quarantinedRowsCountTowardsTheSourceAndAreListedWithKeyColumnValueAndReason() {
        String md = MarkdownReport.render(SampleReports.quarantined());

        assertThat(md)
                .contains("**Verdict: PASS WITH WARNINGS**")
                .contains("## Warnings\n\n- 1 source row(s) quarantined instead of copied\n")
                .contains("| orders | orders | 3 | 3 | 2 | 2 | 1 | yes | 10 ms | 200 |\n")
                .contains("Policy `on-bad-row: quarantine`; 1 row(s) set aside in `\"lite2pg\".\"quarantine\"`.")
                .contains("| orders | id=7 | paid | 'yes' | not a boolean |\n")
                .contains(
                        "- foreign keys dropped for the copy, re-added and validated after it: 2 (orders.fk\\_customer, orders.fk\\_store)\n")
                .contains("- time to re-create them: 1250 ms\n")
                .contains("| orders | 3 | 2 | 1 | 1 | 12.5 ms | 12.5 ms |\n")
                .contains("| orders | foreign key | fk\\_customer | yes, re-created | yes | yes |\n");
    }

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String LINK = "[x](javascript:alert(1))";

    /** Names and values from the source, chosen to become HTML, a link or a broken table when rendered raw. */
    private static RunReport hostile() {
        TableReport table = new TableReport(
                SCRIPT,
                SCRIPT,
                2,
                2,
                1,
                1,
                1,
                10,
                1,
                List.of(new ColumnReport(IMG, IMG, "text", "text", Map.of())),
                SampleReports.matching(SCRIPT, 1));
        return new RunReport(
                "job",
                "/data/a_b.sqlite",
                "abc",
                "snapshot-sha256",
                "postgresql://app@db:5432/app",
                "pub|lic",
                "2025-03-01T10:00:00Z",
                "2025-03-01T10:05:00Z",
                Verdict.PASS_WITH_WARNINGS,
                List.of(table),
                List.of(),
                List.of(),
                List.of("- " + LINK),
                List.of("1 row of " + SCRIPT + " quarantined"),
                new QuarantineReport(
                        "quarantine",
                        "\"lite2pg\".\"quarantine\"",
                        1,
                        List.of(new QuarantinedRow(
                                SCRIPT,
                                SCRIPT,
                                "id=a|b",
                                "[\"a|b\"]",
                                "{}",
                                IMG,
                                LINK,
                                "not *text*\nsecond line",
                                QuarantinedRow.Origin.VALUE))),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(new TargetOnlyTable(SCRIPT + "|seed", 3)),
                null);
    }

    @Test
    void listsTargetOnlyTablesWithTheirRowCountsEscaped() {
        String md = MarkdownReport.render(hostile());

        assertThat(md)
                .contains("\n## Target-only tables\n")
                .contains("| &lt;script&gt;alert(1)&lt;/script&gt;\\|seed | 3 |\n");
    }

    @Test
    void saysNothingOfTargetOnlyTablesWhenThereAreNone() {
        assertThat(MarkdownReport.render(SampleReports.twoTables(Verdict.PASS))).doesNotContain("Target-only");
    }

    @Test
    void namesAndValuesFromTheDataAreNeitherHtmlNorLinksNorTableSyntax() {
        String md = MarkdownReport.render(hostile());

        assertThat(md).doesNotContain("<script", "<img", "[x](", "*text*", "\nsecond");
        assertThat(md).as("an unescaped ](, which would open a link").doesNotContainPattern("(?<!\\\\)\\]\\(");
        assertThat(md)
                .contains("| &lt;script&gt;alert(1)&lt;/script&gt; | id=a\\|b | &lt;img src=x onerror=alert(1)&gt; | "
                        + "\\[x\\](javascript:alert(1)) | not \\*text\\* second line |\n")
                .contains("schema `pub\\|lic`")
                .contains("- \\- \\[x\\]")
                .contains("| /data/a\\_b.sqlite |");
        // Every row of the quarantine table still has its five cells: no unescaped pipe came from the data.
        String quarantineRow = md.lines()
                .filter(l -> l.startsWith("| &lt;script") && l.contains("id=a"))
                .findFirst()
                .orElseThrow();
        assertThat(quarantineRow.split("(?<!\\\\)\\|", -1)).hasSize(7);
    }

    @Test
    void textEscapesHtmlMarkdownAndLineBreaksAndStaysReadable() {
        assertThat(MarkdownReport.text("a < b && c > d")).isEqualTo("a &lt; b &amp;&amp; c &gt; d");
        assertThat(MarkdownReport.text("`x` *y* _z_ \\ ! # ~")).isEqualTo("\\`x\\` \\*y\\* \\_z\\_ \\\\ \\! \\# \\~");
        assertThat(MarkdownReport.text("line\r\nbreak")).isEqualTo("line  break");
        assertThat(MarkdownReport.text("row(s) 1) x")).isEqualTo("row(s) 1) x");
        assertThat(MarkdownReport.text("1. not a list")).isEqualTo("1\\. not a list");
        assertThat(MarkdownReport.text("+ not a list")).isEqualTo("\\+ not a list");
        assertThat(MarkdownReport.text("id=7, 'yes': not a boolean")).isEqualTo("id=7, 'yes': not a boolean");
        assertThat(MarkdownReport.text(null)).isEmpty();
    }

    @Test
    void codeSpansOutlastTheBackticksTheyHold() {
        assertThat(MarkdownReport.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownReport.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(MarkdownReport.code("a|b\nc")).isEqualTo("`a\\|b c`");
    }
}
