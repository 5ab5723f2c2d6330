package dev.lite2pg.report;

import static dev.lite2pg.report.SampleReports.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void barsAreScaledToTheLargestTableAndSmallOnesStayVisible() {
        BarChart chart =
                BarChart.of(List.of(table("big", 1_000_000, 10_000), table("tiny", 1, 1), table("empty", 0, 0)));

        assertThat(chart.bars()).extracting(BarChart.Bar::rowsWidth).containsExactly(280, 2, 0);
        assertThat(chart.bars()).extracting(BarChart.Bar::timeWidth).containsExactly(280, 2, 0);
        assertThat(chart.bars()).extracting(BarChart.Bar::rows).containsExactly("1,000,000 rows", "1 row", "0 rows");
        assertThat(chart.bars()).extracting(BarChart.Bar::rowsY).containsExactly(21, 81, 141);
        assertThat(chart.height()).isEqualTo(180);
    }

    @Test
    void longLabelsAreCutWithoutSplittingACharacter() {
        String name = "t_" + "😀".repeat(60);

        String label = BarChart.of(List.of(table(name, 1, 1))).bars().get(0).label();

        assertThat(label.codePointCount(0, label.length())).isEqualTo(50);
        assertThat(label).startsWith("t_😀").endsWith("😀…");
    }
}
