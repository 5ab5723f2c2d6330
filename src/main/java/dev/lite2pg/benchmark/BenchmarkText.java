package dev.lite2pg.benchmark;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text spellings the benchmark's app stored: naive timestamps as {@code YYYY-MM-DD HH:MM:SS} with or without six
 * fractional digits, and decimals as {@code digits.cc}. Built by hand rather than with String.format, which would
 * dominate the generator's time at a million rows.
 */
final class BenchmarkText {

    private BenchmarkText() {}

    /** {@code epochSecond} (read as UTC) as naive text, with {@code .micros} when {@code withMicros}. */
    static String timestamp(long epochSecond, int micros, boolean withMicros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(26);
        text.append(t.getYear()).append('-');
        two(text, t.getMonthValue()).append('-');
        two(text, t.getDayOfMonth()).append(' ');
        two(text, t.getHour()).append(':');
        two(text, t.getMinute()).append(':');
        two(text, t.getSecond());
        if (withMicros) {
            String digits = Integer.toString(micros);
            text.append('.').append("000000", 0, 6 - digits.length()).append(digits);
        }
        return text.toString();
    }

    /** Whole cents as a decimal with two places: 12345 -> {@code 123.45}, 7 -> {@code 0.07}. */
    static String cents(long cents) {
        long fraction = cents % 100;
        return (cents / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** A number with {@code places} fixed decimals from its scaled integer: (123456, 4) -> {@code 12.3456}. */
    static StringBuilder decimal(StringBuilder text, long scaled, int places) {
        long unit = 1;
        for (int i = 0; i < places; i++) {
            unit *= 10;
        }
        String fraction = Long.toString(scaled % unit);
        return text.append(scaled / unit)
                .append('.')
                .append("0000000000", 0, places - fraction.length())
                .append(fraction);
    }

    private static StringBuilder two(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
