package dev.lite2pg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @Test
    void writesJsonMarkdownAndHtmlSideBySide(@TempDir Path dir) throws Exception {
        RunReport report = SampleReports.withVerdict(
                Verdict.FAIL,
                List.of(SampleReports.table("customer", 1_200, 800), SampleReports.differing("orders")),
                List.of("table orders: content differs"));

        Path folder = ReportWriter.write(report, dir.resolve("run"));

        assertThat(ReportWriter.read(folder.resolve("report.json"))).isEqualTo(report);
        assertThat(Files.readString(folder.resolve("report.md"))).isEqualTo(MarkdownReport.render(report));
        assertThat(Files.readString(folder.resolve("report.html"))).isEqualTo(HtmlReport.render(report));
    }

    /** The validate step hands the report to the report step as this text; it must come back whole. */
    @Test
    void theReportHandedOnAsJsonComesBackEqual() {
        RunReport report = SampleReports.withVerdict(
                Verdict.FAIL,
                List.of(SampleReports.table("customer", 1_200, 800), SampleReports.differing("orders")),
                List.of("table orders: content differs"));

        assertThat(ReportWriter.fromJson(ReportWriter.json(report))).isEqualTo(report);
        assertThat(ReportWriter.fromJson(ReportWriter.json(report)).withProblem("the source changed"))
                .isEqualTo(report.withProblem("the source changed"));
    }

    /** What the launcher tells the operator is the report this launch wrote, and nothing when it wrote none. */
    @Test
    void reportJsonCarriesTheExitCodeAndTheRunsFactsForScriptsAndReadsBack() {
        RunReport report = SampleReports.rehearsal(Verdict.FAIL);

        tools.jackson.databind.JsonNode json =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(ReportWriter.json(report));

        assertThat(json.get("exitCode").asInt()).isEqualTo(3);
        assertThat(json.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(json.get("sourceFileSha256").asString()).startsWith("9f86d081");
        assertThat(json.get("snapshotSha256").asString()).isEqualTo("snapshot-sha256");
        assertThat(json.get("facts").get("dryRun").asBoolean()).isTrue();
        assertThat(json.get("facts").get("resumed").asBoolean()).isTrue();
        assertThat(json.get("facts").get("durationMillis").asLong()).isEqualTo(83_000);
        assertThat(json.get("facts").get("version").asString()).isEqualTo("1.2.3");
        assertThat(ReportWriter.fromJson(ReportWriter.json(report))).isEqualTo(report);
    }

    @Test
    void writtenIsTheReportInTheFolderOrNone(@TempDir Path dir) {
        RunReport report = SampleReports.withVerdict(
                Verdict.PASS, List.of(SampleReports.table("customer", 1_200, 1_200)), List.of());

        assertThat(ReportWriter.written(dir.resolve("run"))).isEmpty();
        ReportWriter.write(report, dir.resolve("run"));
        assertThat(ReportWriter.written(dir.resolve("run"))).contains(report);
    }
}
