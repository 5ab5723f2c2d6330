package dev.lite2pg.convert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Reads the date and time forms SQLite applications store: ISO text and Unix epoch seconds. Parsing is by hand, not
 * with DateTimeFormatter: it runs for every row, accepts exactly the forms listed, and can say precisely what is wrong.
 *
 * <p>Fractions keep at most 6 digits (PostgreSQL stores microseconds). In text, digits beyond the sixth are accepted
 * only when they are all zero, since then nothing is lost; otherwise the value is refused, never rounded. A REAL epoch is
 * rounded to the microsecond and counted: a double holds no more than that at an epoch's magnitude.
 */
final class TemporalParser {

    static final int MAX_FRACTION_DIGITS = 6;
    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years we copy are 1 to 9999. */
    static final long MIN_EPOCH_SECOND = -62_135_596_800L;

    static final long MAX_EPOCH_SECOND = 253_402_300_799L;
    private static final int MAX_OFFSET_HOURS = 15;
    private static final int NANOS_PER_MICRO = 1_000;
    private static final int MICROS_PER_SECOND = 1_000_000;
    private static final double MILLIS_PER_DAY = 86_400_000.0;
    /** 1970-01-01 00:00:00 UTC as SQLite's iJD: Julian day 2440587.5 in milliseconds. */
    private static final long JULIAN_DAY_OF_EPOCH_MILLIS = 210_866_760_000_000L;

    private static final String TIMESTAMP_FORMAT =
            "not a timestamp: expected YYYY-MM-DD[ HH:MM[:SS[.ffffff]]][Z|±HH[:MM]] or epoch seconds";
    private static final String TIME_FORMAT = "not a time of day: expected HH:MM[:SS[.ffffff]][Z|±HH[:MM]]";

    /** A date or date-time read from text; {@code offset} is null when the text has none. */
    record ParsedTimestamp(LocalDateTime dateTime, ZoneOffset offset) {

        /** The same instant as a UTC date-time, refused if that leaves years 1 to 9999. */
        LocalDateTime toUtc() {
            LocalDateTime utc = dateTime.minusSeconds(offset.getTotalSeconds());
            if (utc.getYear() < 1 || utc.getYear() > 9999) {
                throw new ConversionRefusedException(
                        "year " + utc.getYear() + " is outside 1-9999 after conversion to UTC");
            }
            return utc;
        }
    }

    /** A time of day read from text; {@code offset} is null when the text has none. */
    record ParsedTime(LocalTime time, ZoneOffset offset) {}

    private TemporalParser() {}

    /** {@code YYYY-MM-DD}, or that followed by ' ' or 'T' and a time of day, then optionally an offset. */
    static ParsedTimestamp parseTimestamp(String s) {
        Cursor c = new Cursor(s);
        LocalDate date = date(c);
        if (c.atEnd()) {
            return new ParsedTimestamp(date.atStartOfDay(), null);
        }
        if (!c.take(' ') && !c.take('T')) {
            throw new ConversionRefusedException(TIMESTAMP_FORMAT);
        }
        LocalTime time = timeOfDay(c, "timestamp", TIMESTAMP_FORMAT);
        ZoneOffset offset = offset(c, TIMESTAMP_FORMAT);
        if (!c.atEnd()) {
            throw new ConversionRefusedException(TIMESTAMP_FORMAT);
        }
        return new ParsedTimestamp(LocalDateTime.of(date, time), offset);
    }

    /** {@code HH:MM[:SS[.fraction]]}, optionally followed by an offset. */
    static ParsedTime parseTime(String s) {
        Cursor c = new Cursor(s);
        LocalTime time = timeOfDay(c, "time", TIME_FORMAT);
        ZoneOffset offset = offset(c, TIME_FORMAT);
        if (!c.atEnd()) {
            throw new ConversionRefusedException(TIME_FORMAT);
        }
        return new ParsedTime(time, offset);
    }

    /** Whether text starts like a date, {@code YYYY-MM-DD}, so a time column can say why it refuses it. */
    static boolean startsWithDate(String s) {
        return s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-';
    }

    /**
     * A number read as {@code unit} says, as a UTC date-time. A REAL's digits beyond the microsecond are rounded (and
     * counted): a double of an epoch's magnitude holds nothing meaningful there, as Python's {@code time.time()} shows.
     */
    static LocalDateTime fromEpoch(Object number, EpochNumbers unit, ConversionNotes notes) {
        return switch (unit) {
            case SECONDS -> fromEpochSeconds(number, notes);
            case MILLISECONDS -> fromEpochMillis(number, notes);
            case JULIAN_DAY -> fromJulianDay(number);
            case REFUSE ->
                throw new ConversionRefusedException(
                        "a number where a text timestamp is expected: " + EpochNumbers.OPTION
                                + " is refuse; set it to seconds, milliseconds or julian-day to read numbers");
        };
    }

    private static LocalDateTime fromEpochSeconds(Object number, ConversionNotes notes) {
        if (number instanceof Long l) {
            if (l < MIN_EPOCH_SECOND || l > MAX_EPOCH_SECOND) {
                throw epochOutOfRange(l.toString(), "seconds");
            }
            return LocalDateTime.ofEpochSecond(l, 0, ZoneOffset.UTC);
        }
        double d = (Double) number;
        if (!(d >= MIN_EPOCH_SECOND && d < MAX_EPOCH_SECOND + 1)) {
            throw epochOutOfRange(ShortestDecimal.text(d), "seconds");
        }
        if (d == Math.rint(d)) {
            return LocalDateTime.ofEpochSecond((long) d, 0, ZoneOffset.UTC);
        }
        BigDecimal seconds = ShortestDecimal.of(d);
        if (seconds.scale() > MAX_FRACTION_DIGITS) {
            // The double's exact binary value, rounded once: no double rounding through its shortest decimal.
            seconds = new BigDecimal(d).setScale(MAX_FRACTION_DIGITS, RoundingMode.HALF_EVEN);
            notes.count(Adjustment.EPOCH_ROUNDED_TO_MICROSECOND);
        }
        return ofMicros(seconds.movePointRight(MAX_FRACTION_DIGITS).longValueExact());
    }

    private static LocalDateTime fromEpochMillis(Object number, ConversionNotes notes) {
        BigDecimal seconds;
        if (number instanceof Long l) {
            seconds = BigDecimal.valueOf(l, 3);
        } else {
            double d = (Double) number;
            if (!(d >= MIN_EPOCH_SECOND * 1000.0 && d < (MAX_EPOCH_SECOND + 1) * 1000.0)) {
                throw epochOutOfRange(ShortestDecimal.text(d), "milliseconds");
            }
            seconds = ShortestDecimal.of(d).movePointLeft(3);
            if (seconds.scale() > MAX_FRACTION_DIGITS) {
                seconds = new BigDecimal(d).movePointLeft(3).setScale(MAX_FRACTION_DIGITS, RoundingMode.HALF_EVEN);
                notes.count(Adjustment.EPOCH_ROUNDED_TO_MICROSECOND);
            }
        }
        if (seconds.compareTo(BigDecimal.valueOf(MIN_EPOCH_SECOND)) < 0
                || seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECOND + 1)) >= 0) {
            throw epochOutOfRange(
                    number instanceof Double d ? ShortestDecimal.text(d) : number.toString(), "milliseconds");
        }
        return ofMicros(seconds.movePointRight(MAX_FRACTION_DIGITS).longValueExact());
    }

    /** As SQLite's date functions read a Julian day: to the nearest millisecond (its {@code iJD}). */
    private static LocalDateTime fromJulianDay(Object number) {
        double days = number instanceof Long l ? l : (Double) number;
        double millis = days * MILLIS_PER_DAY + 0.5;
        long first = (MIN_EPOCH_SECOND * 1000 + JULIAN_DAY_OF_EPOCH_MILLIS);
        long last = (MAX_EPOCH_SECOND + 1) * 1000 + JULIAN_DAY_OF_EPOCH_MILLIS;
        if (!(millis >= first && millis < last)) {
            throw new ConversionRefusedException("Julian day "
                    + (number instanceof Double d ? ShortestDecimal.text(d) : number) + " is outside years 1-9999");
        }
        long unixMillis = (long) millis - JULIAN_DAY_OF_EPOCH_MILLIS;
        return ofMicros(unixMillis * 1000);
    }

    private static LocalDateTime ofMicros(long micros) {
        return LocalDateTime.ofEpochSecond(
                Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO,
                ZoneOffset.UTC);
    }

    private static LocalDate date(Cursor c) {
        int year = c.digits(4);
        boolean dash1 = c.take('-');
        int month = c.digits(2);
        boolean dash2 = c.take('-');
        int day = c.digits(2);
        if (year < 0 || month < 0 || day < 0 || !dash1 || !dash2) {
            throw new ConversionRefusedException(TIMESTAMP_FORMAT);
        }
        if (year == 0) {
            throw new ConversionRefusedException("year 0000 is outside 1-9999");
        }
        if (month < 1
                || month > 12
                || day < 1
                || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            throw new ConversionRefusedException(c.text.substring(0, c.pos) + " is not a valid date");
        }
        return LocalDate.of(year, month, day);
    }

    private static LocalTime timeOfDay(Cursor c, String what, String formatReason) {
        int start = c.pos;
        int hour = c.digits(2);
        boolean colon = c.take(':');
        int minute = c.digits(2);
        int second = 0;
        int nanos = 0;
        if (c.take(':')) {
            second = c.digits(2);
            if (c.take('.')) {
                nanos = fractionNanos(c, what, formatReason);
            }
        }
        if (hour < 0 || minute < 0 || second < 0 || !colon) {
            throw new ConversionRefusedException(formatReason);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new ConversionRefusedException(c.text.substring(start, c.pos) + " is not a valid time of day");
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    private static int fractionNanos(Cursor c, String what, String formatReason) {
        int micros = 0;
        int count = 0;
        boolean droppedNonZero = false;
        while (c.pos < c.text.length() && isDigit(c.text.charAt(c.pos))) {
            int digit = c.text.charAt(c.pos++) - '0';
            if (count < MAX_FRACTION_DIGITS) {
                micros = micros * 10 + digit;
            } else {
                droppedNonZero |= digit != 0;
            }
            count++;
        }
        if (count == 0) {
            throw new ConversionRefusedException(formatReason);
        }
        if (droppedNonZero) {
            throw new ConversionRefusedException(
                    what + " has " + count + " fractional digits; at most 6 (microseconds) can be stored");
        }
        for (int i = count; i < MAX_FRACTION_DIGITS; i++) {
            micros *= 10;
        }
        return micros * NANOS_PER_MICRO;
    }

    /** {@code Z}, {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM}, optionally after one space; null when there is none. */
    private static ZoneOffset offset(Cursor c, String formatReason) {
        if (c.atEnd()) {
            return null;
        }
        int start = c.pos;
        c.take(' ');
        if (c.take('Z') || c.take('z')) {
            return ZoneOffset.UTC;
        }
        boolean negative = c.take('-');
        if (!negative && !c.take('+')) {
            c.pos = start;
            return null;
        }
        int hours = c.digits(2);
        int minutes = 0;
        if (c.take(':') || (!c.atEnd() && isDigit(c.text.charAt(c.pos)))) {
            minutes = c.digits(2);
        }
        if (hours < 0 || minutes < 0) {
            throw new ConversionRefusedException(formatReason);
        }
        if (hours > MAX_OFFSET_HOURS || minutes > 59) {
            throw new ConversionRefusedException(c.text.substring(start, c.pos).strip() + " is not a valid UTC offset");
        }
        int seconds = (hours * 60 + minutes) * 60;
        return ZoneOffset.ofTotalSeconds(negative ? -seconds : seconds);
    }

    private static ConversionRefusedException epochOutOfRange(String shown, String unit) {
        return new ConversionRefusedException(
                "epoch " + shown + " is outside years 1-9999 (" + unit + " since 1970 expected)");
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /** Position in the text being parsed; one per call, so parsing stays free of shared state. */
    private static final class Cursor {
        final String text;
        int pos;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos == text.length();
        }

        boolean take(char expected) {
            if (pos < text.length() && text.charAt(pos) == expected) {
                pos++;
                return true;
            }
            return false;
        }

        /** Exactly {@code count} ASCII digits as a number, or -1 (position unchanged) when they are not there. */
        int digits(int count) {
            if (pos + count > text.length()) {
                return -1;
            }
            int value = 0;
            for (int i = pos; i < pos + count; i++) {
                char ch = text.charAt(i);
                if (!isDigit(ch)) {
                    return -1;
                }
                value = value * 10 + (ch - '0');
            }
            pos += count;
            return value;
        }
    }
}
