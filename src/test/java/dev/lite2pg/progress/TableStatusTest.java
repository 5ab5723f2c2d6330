package dev.lite2pg.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TableStatusTest {

    @Test
    void rateAndEtaFromThisRunsRowsAndTime() {
        TableStatus status = new TableStatus("order_line", 12_500, 40_000, 12_500, Duration.ofSeconds(5));

        assertThat(status.rowsPerSecond()).isEqualTo(2500.0);
        assertThat(status.eta()).contains(Duration.ofSeconds(11));
        assertThat(status.line()).isEqualTo("order_line: 12,500 of 40,000 rows (31%), 2,500 rows/s, ETA 11.0 s");
    }

    @Test
    void aResumedTableCountsEarlierRowsAsCopiedButNotInItsRate() {
        TableStatus status = new TableStatus("customer", 60_000, 100_000, 10_000, Duration.ofSeconds(10));

        assertThat(status.rowsPerSecond()).isEqualTo(1000.0);
        assertThat(status.eta()).contains(Duration.ofSeconds(40));
        assertThat(status.line()).startsWith("customer: 60,000 of 100,000 rows (60%), 1,000 rows/s, ETA 40.0 s");
    }

    @Test
    void noEtaWithoutARate() {
        TableStatus status = new TableStatus("customer", 0, 100, 0, Duration.ZERO);

        assertThat(status.rowsPerSecond()).isZero();
        assertThat(status.eta()).isEmpty();
        assertThat(status.line()).endsWith("0.0 rows/s, ETA unknown");
    }

    @Test
    void aFinishedTableHasNothingLeft() {
        assertThat(new TableStatus("store", 3, 3, 3, Duration.ofMillis(2)).eta())
                .contains(Duration.ZERO);
    }
}
