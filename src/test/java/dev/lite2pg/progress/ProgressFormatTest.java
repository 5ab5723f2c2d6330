package dev.lite2pg.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressFormatTest {

    @Test
    void countsHaveThousandsSeparatorsWhateverTheLocale() {
        assertThat(ProgressFormat.count(0)).isEqualTo("0");
        assertThat(ProgressFormat.count(999)).isEqualTo("999");
        assertThat(ProgressFormat.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void ratesAreWholeExceptBelowTen() {
        assertThat(ProgressFormat.rate(0)).isEqualTo("0.0 rows/s");
        assertThat(ProgressFormat.rate(2.46)).isEqualTo("2.5 rows/s");
        assertThat(ProgressFormat.rate(9.96)).isEqualTo("10 rows/s");
        assertThat(ProgressFormat.rate(48_213.6)).isEqualTo("48,214 rows/s");
    }

    @Test
    void durationsInSecondsThenMinutesThenHours() {
        assertThat(ProgressFormat.duration(Duration.ofMillis(420))).isEqualTo("0.4 s");
        assertThat(ProgressFormat.duration(Duration.ofMillis(59_949))).isEqualTo("59.9 s");
        assertThat(ProgressFormat.duration(Duration.ofMillis(59_950))).isEqualTo("1:00");
        assertThat(ProgressFormat.duration(Duration.ofSeconds(185))).isEqualTo("3:05");
        assertThat(ProgressFormat.duration(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(ProgressFormat.duration(Duration.ofHours(30))).isEqualTo("30:00:00");
    }

    @Test
    void percentIsRoundedDownSoThatOnlyADoneTableShows100() {
        assertThat(ProgressFormat.percent(999, 1000)).isEqualTo("99%");
        assertThat(ProgressFormat.percent(1000, 1000)).isEqualTo("100%");
        assertThat(ProgressFormat.percent(0, 0)).as("an empty table is done").isEqualTo("100%");
    }
}
