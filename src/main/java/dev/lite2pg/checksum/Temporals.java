package dev.lite2pg.checksum;

/**
 * Reads the ISO forms the copy's converters write and PostgreSQL prints under {@code DateStyle ISO}, without
 * allocating: {@code YYYY-MM-DD HH:MM:SS[.ffffff]} and {@code HH:MM:SS[.ffffff]}, with a UTC offset for timestamptz.
 * Anything else (BC, years past 9999, {@code infinity}, a 7th fraction digit PostgreSQL would round, 24:00:00,
 * leap seconds PostgreSQL rolls over) is {@link #NOT_PARSED}, so the caller hashes its text instead.
 */
final class Temporals {

    static final long NOT_PARSED = Long.MIN_VALUE;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final int LOCAL_LENGTH = 19;

    private Temporals() {}

    /** Microseconds since 1970-01-01 00:00 of the whole text, a naive timestamp. */
    static long timestamp(String s) {
        int end = localEnd(s);
        return end == s.length() ? local(s, end) : NOT_PARSED;
    }

    /** Microseconds since the epoch of the instant a timestamp with an offset names; an offset is required. */
    static long instant(String s) {
        int end = localEnd(s);
        if (end < 0 || end >= s.length()) {
            return NOT_PARSED;
        }
        long local = local(s, end);
        long offset = offsetSeconds(s, end);
        if (local == NOT_PARSED || offset == NOT_PARSED) {
            return NOT_PARSED;
        }
        return local - offset * MICROS_PER_SECOND;
    }

    /** Microseconds since midnight of a time of day. */
    static long time(String s) {
        int end = fractionEnd(s, 8);
        if (end != s.length() || !timeShape(s, 0)) {
            return NOT_PARSED;
        }
        return timeMicros(s, 0, end);
    }

    /** Where the naive part ends (after its fraction), or -1 when the text does not start with one. */
    private static int localEnd(String s) {
        if (s.length() < LOCAL_LENGTH
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || !timeShape(s, 11)) {
            return -1;
        }
        return fractionEnd(s, LOCAL_LENGTH);
    }

    private static boolean timeShape(String s, int at) {
        return s.length() >= at + 8 && s.charAt(at + 2) == ':' && s.charAt(at + 5) == ':';
    }

    private static int fractionEnd(String s, int at) {
        if (at < s.length() && s.charAt(at) == '.') {
            int end = at + 1;
            while (end < s.length() && isDigit(s.charAt(end))) {
                end++;
            }
            return end - at - 1 >= 1 && end - at - 1 <= 6 ? end : -1;
        }
        return at;
    }

    private static long local(String s, int end) {
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return NOT_PARSED;
        }
        long time = timeMicros(s, 11, end);
        return time == NOT_PARSED ? NOT_PARSED : epochDay(year, month, day) * MICROS_PER_DAY + time;
    }

    private static long timeMicros(String s, int at, int end) {
        int hour = digits(s, at, 2);
        int minute = digits(s, at + 3, 2);
        int second = digits(s, at + 6, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_PARSED;
        }
        long micros = 0;
        int fractionDigits = 0;
        for (int i = at + 9; i < end; i++) {
            micros = micros * 10 + (s.charAt(i) - '0');
            fractionDigits++;
        }
        for (; fractionDigits < 6; fractionDigits++) {
            micros *= 10;
        }
        return ((hour * 60L + minute) * 60L + second) * MICROS_PER_SECOND + micros;
    }

    /** {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS} (either sign) to the end of the text, in seconds east of UTC. */
    private static long offsetSeconds(String s, int at) {
        char sign = s.charAt(at);
        int n = s.length() - at;
        if ((sign != '+' && sign != '-') || (n != 3 && n != 6 && n != 9)) {
            return NOT_PARSED;
        }
        int hours = digits(s, at + 1, 2);
        int minutes = n >= 6 && s.charAt(at + 3) == ':' ? digits(s, at + 4, 2) : n >= 6 ? -1 : 0;
        int seconds = n == 9 && s.charAt(at + 6) == ':' ? digits(s, at + 7, 2) : n == 9 ? -1 : 0;
        if (hours < 0 || hours > 15 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
            return NOT_PARSED;
        }
        long total = hours * 3600L + minutes * 60L + seconds;
        return sign == '-' ? -total : total;
    }

    private static int digits(String s, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
