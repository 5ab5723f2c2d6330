package dev.lite2pg.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void durationsUseTheLargestSensibleUnit() {
        assertThat(Figures.duration(0)).isEqualTo("0 ms");
        assertThat(Figures.duration(999)).isEqualTo("999 ms");
        assertThat(Figures.duration(1_234)).isEqualTo("1.23 s");
        assertThat(Figures.duration(125_000)).isEqualTo("2 min 05 s");
    }

    @Test
    void rowsPerSecondGuardsAgainstZeroDuration() {
        assertThat(Figures.rowsPerSecond(5_000, 0)).isEqualTo("n/a");
        assertThat(Figures.rowsPerSecond(0, 0)).isEqualTo("n/a");
        assertThat(Figures.rowsPerSecond(0, 10)).isEqualTo("0");
        assertThat(Figures.rowsPerSecond(1_500_000, 1_000)).isEqualTo("1,500,000");
        assertThat(Figures.rowsPerSecond(1, 3)).isEqualTo("333");
    }
}
