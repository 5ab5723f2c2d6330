package dev.lite2pg.demo;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The two ways the demo app stored points in time: ISO-like TEXT in several spellings, and Unix epoch seconds. */
final class DemoTimestamps {

    private DemoTimestamps() {}

    /**
     * {@code time} as TEXT, spelled according to {@code variant}: even variants separate date and time with a space,
     * odd ones with 'T'; {@code variant % 7} fractional digits (0 to 6), truncated from the microseconds.
     */
    static String text(LocalDateTime time, int variant) {
        char separator = variant % 2 == 0 ? ' ' : 'T';
        String text = String.format(
                "%s%c%02d:%02d:%02d",
                time.toLocalDate(), separator, time.getHour(), time.getMinute(), time.getSecond());
        int digits = variant % 7;
        if (digits == 0) {
            return text;
        }
        String micros = String.format("%06d", time.getNano() / 1_000);
        return text + '.' + micros.substring(0, digits);
    }

    /** {@code time}, read as UTC, in whole seconds since 1970-01-01. */
    static long epochSeconds(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }
}
