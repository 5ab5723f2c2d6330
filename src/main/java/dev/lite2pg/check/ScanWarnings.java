package dev.lite2pg.check;

import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.convert.EpochNumbers;
import java.util.Locale;

/**
 * The wording of what passes but deserves a look before sign-off, shared by {@code check} and the run's report: values a
 * conversion changed because the job asked for it, and columns mixing text timestamps with numbers.
 */
public final class ScanWarnings {

    private ScanWarnings() {}

    /** E.g. {@code bars.day: 1,500 values with a time of day dropped into a date (conversions.drop-time-of-day: true)}. */
    public static String adjusted(String column, Adjustment adjustment, long count) {
        return column + ": " + count(count, "value") + " " + adjustment.meaning();
    }

    /**
     * A column holding both text timestamps and numbers: the numbers are read by a rule the text does not confirm (is
     * 2024 a year, or 33 minutes after 1970?), so the operator is told how many and how they are read.
     */
    public static String mixed(String column, String targetType, long texts, long numbers, EpochNumbers readAs) {
        return column + ": " + count(numbers, "number") + " among " + count(texts, "text value") + " of a " + targetType
                + " column, read as " + readAs.shown()
                + (readAs == EpochNumbers.SECONDS ? " (0 is 1970-01-01 00:00:00)" : "")
                + "; if they mean something else, set " + EpochNumbers.OPTION
                + " (seconds, milliseconds, julian-day or refuse)"
                + " for it under conversions.columns.\"" + column + "\"";
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? noun : noun + "s");
    }
}
