package dev.lite2pg.report;

import java.util.Locale;

/** Numbers as an operator reads them: grouped digits, durations in the largest sensible unit, rates. */
final class Figures {

    static final String NOT_MEASURED = "n/a";

    private Figures() {}

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String duration(long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /** A copy that took under a millisecond has no meaningful rate, so it is reported as not measured, not infinite. */
    static String rowsPerSecond(long rows, long millis) {
        if (millis <= 0) {
            return NOT_MEASURED;
        }
        return String.format(Locale.ROOT, "%,.0f", rows * 1000.0 / millis);
    }
}
