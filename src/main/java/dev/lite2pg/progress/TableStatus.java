package dev.lite2pg.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * One table's copy at one moment, and what a progress line says about it. A resumed table counts the rows an
 * earlier run committed in {@code copied}, but its rate only counts this run's rows over this run's time.
 *
 * @param copied rows of the table committed so far, by this run and any run before it
 * @param total rows the table ends with
 * @param copiedThisRun rows this run committed
 * @param elapsed since this run started copying the table
 */
public record TableStatus(String table, long copied, long total, long copiedThisRun, Duration elapsed) {

    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : copiedThisRun * 1e9 / nanos;
    }

    /** Time left at the rate so far; empty while there is no rate to go by. */
    public Optional<Duration> eta() {
        long remaining = total - copied;
        if (remaining <= 0) {
            return Optional.of(Duration.ZERO);
        }
        double rate = rowsPerSecond();
        return rate > 0 ? Optional.of(Duration.ofMillis(Math.round(remaining * 1000 / rate))) : Optional.empty();
    }

    /** E.g. {@code order_line: 12,500 of 40,000 rows (31%), 4,210 rows/s, ETA 6.5 s}. */
    public String line() {
        return table + ": " + ProgressFormat.count(copied) + " of " + ProgressFormat.count(total) + " rows ("
                + ProgressFormat.percent(copied, total) + "), " + ProgressFormat.rate(rowsPerSecond())
                + ", ETA " + eta().map(ProgressFormat::duration).orElse("unknown");
    }
}
