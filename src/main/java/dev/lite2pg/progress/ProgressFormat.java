package dev.lite2pg.progress;

import java.time.Duration;
import java.util.Locale;

/** Numbers and durations as progress lines show them, the same on every machine whatever its locale. */
public final class ProgressFormat {

    private ProgressFormat() {}

    /** With thousands separators: 1234567 is "1,234,567". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Whole rows per second, with one decimal below 10 so that a slow table does not read as stalled at 0. */
    public static String rate(double rowsPerSecond) {
        if (rowsPerSecond < 9.95) {
            return String.format(Locale.ROOT, "%.1f rows/s", rowsPerSecond);
        }
        return count(Math.round(rowsPerSecond)) + " rows/s";
    }

    /** "0.4 s" and "12.3 s" under a minute, then "3:05" (minutes:seconds) and "1:02:03" (hours:minutes:seconds). */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 59_950) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }

    /** Rounded down, so that 100% is only shown when the table is complete; an empty whole is complete. */
    public static String percent(long part, long whole) {
        return (whole <= 0 ? 100 : Math.min(100, part * 100 / whole)) + "%";
    }
}
