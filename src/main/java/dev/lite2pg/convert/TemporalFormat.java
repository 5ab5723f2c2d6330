package dev.lite2pg.convert;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Writes dates and times in the ISO forms PostgreSQL reads regardless of its DateStyle setting:
 * {@code 2024-01-31 13:45:00.25}, with trailing zeros of the fraction dropped and offsets as {@code +00}, {@code +05:30}.
 * Built by hand because it runs for every row and the forms are fixed.
 */
final class TemporalFormat {

    private static final int NANOS_PER_MICRO = 1_000;

    private TemporalFormat() {}

    static String date(LocalDate date) {
        return appendDate(new StringBuilder(10), date).toString();
    }

    static String time(LocalTime time) {
        return appendTime(new StringBuilder(15), time).toString();
    }

    static String timeWithOffset(LocalTime time, ZoneOffset offset) {
        return appendOffset(appendTime(new StringBuilder(21), time), offset).toString();
    }

    static String timestamp(LocalDateTime dateTime) {
        StringBuilder out =
                appendDate(new StringBuilder(26), dateTime.toLocalDate()).append(' ');
        return appendTime(out, dateTime.toLocalTime()).toString();
    }

    static String timestampWithOffset(LocalDateTime dateTime, ZoneOffset offset) {
        StringBuilder out =
                appendDate(new StringBuilder(32), dateTime.toLocalDate()).append(' ');
        return appendOffset(appendTime(out, dateTime.toLocalTime()), offset).toString();
    }

    private static StringBuilder appendDate(StringBuilder out, LocalDate date) {
        pad(out, date.getYear(), 4).append('-');
        pad(out, date.getMonthValue(), 2).append('-');
        return pad(out, date.getDayOfMonth(), 2);
    }

    private static StringBuilder appendTime(StringBuilder out, LocalTime time) {
        pad(out, time.getHour(), 2).append(':');
        pad(out, time.getMinute(), 2).append(':');
        pad(out, time.getSecond(), 2);
        int micros = time.getNano() / NANOS_PER_MICRO;
        if (micros != 0) {
            int digits = 6;
            while (micros % 10 == 0) {
                micros /= 10;
                digits--;
            }
            pad(out.append('.'), micros, digits);
        }
        return out;
    }

    /** {@code +HH}, with {@code :MM} and {@code :SS} only when non-zero (local mean time offsets have seconds). */
    private static StringBuilder appendOffset(StringBuilder out, ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        out.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        pad(out, total / 3600, 2);
        int minutes = total / 60 % 60;
        int seconds = total % 60;
        if (minutes != 0 || seconds != 0) {
            pad(out.append(':'), minutes, 2);
        }
        if (seconds != 0) {
            pad(out.append(':'), seconds, 2);
        }
        return out;
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        return out.append(value);
    }
}
