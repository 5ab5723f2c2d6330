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

    @Test
    void quarantinedRowsCountTowardsTheSourceAndAreListedWithKeyColumnValueAndReason() {
        String md = MarkdownReport.render(SampleReports.quarantined());

        assertThat(md)
                .contains("**Verdict: PASS WITH WARNINGS**")
                .contains("## Warnings\n\n- 1 source row(s) quarantined instead of copied\n")
                .contains("| orders | orders | 3 | 3 | 2 | 2 | 1 | yes | 10 ms | 200 |\n")
                .contains("Policy `on-bad-row: quarantine`; 1 row(s) set aside in `\"lite2pg\".\"quarantine\"`.")
                .contains("| orders | id=7 | paid | 'yes' | not a boolean |\n")
                .contains("- foreign keys dropped for the copy, re-added and validated after it: 2 (orders.fk_customer, orders.fk_store)\n")
                .contains("- time to re-create them: 1250 ms\n")
                .contains("| orders | 3 | 2 | 1 | 1 | 12.5 ms | 12.5 ms |\n")
                .contains("| orders | foreign key | fk_customer | yes, re-created | yes | yes |\n");
    }
}
