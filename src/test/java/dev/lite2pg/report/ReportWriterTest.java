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
}
