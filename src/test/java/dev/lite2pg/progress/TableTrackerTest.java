package dev.lite2pg.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TableTrackerTest {

    @Test
    void timesFromTheTablesStartOnTheGivenClock() {
        AtomicLong clock = new AtomicLong(5_000_000_000L);
        TableTracker tracker = new TableTracker("customer", 56, 117, clock::get);

        clock.addAndGet(Duration.ofMillis(250).toNanos());
        TableStatus status = tracker.status(28);

        assertThat(status).isEqualTo(new TableStatus("customer", 84, 117, 28, Duration.ofMillis(250)));
        assertThat(status.rowsPerSecond()).isEqualTo(112.0);
    }
}
