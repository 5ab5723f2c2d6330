package dev.lite2pg.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    @Test
    void contentSectionShowsBothChecksumsAndTheFirstDifferingRows() {
        String md = MarkdownReport.render(SampleReports.withVerdict("FAIL",
                List.of(SampleReports.table("customer", 1_200, 800), SampleReports.differing("a|b")), List.of("content differs")));

        assertThat(md)
                .contains("| customer | 1200 | 1200 | `00c0ffee00c0ffee` | `00c0ffee00c0ffee` | yes |  |\n")
                .contains("| a\\|b | 3 | 3 | `1111111111111111` | `2222222222222222` | **NO** | "
                        + "id=2: values differ; id=3: missing from the target; id=4: extra in the target |\n");
    }
}
