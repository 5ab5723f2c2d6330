package dev.lite2pg.convert;

/**
 * A deliberate, documented change to a value, counted per column in the report. Each happens only because the job
 * file asked for it (or, for a REAL epoch, because the double holds nothing beyond the microsecond); those that change
 * what the source wrote are also warnings, so the verdict is PASS WITH WARNINGS and they are read before sign-off.
 */
public enum Adjustment {
    /** {@code offsets: utc}: a value with a non-zero offset went into a column without zone as its UTC date and time. */
    OFFSET_CONVERTED_TO_UTC(
            "with a UTC offset converted to UTC (conversions.offsets: utc): the date or time written changed", true),
    /** {@code offsets: local}: a value with a non-zero offset went into a column without zone as written, offset dropped. */
    OFFSET_DROPPED("with a UTC offset stored as written, offset dropped (conversions.offsets: local)", true),
    /** {@code drop-time-of-day: true}: a timestamp with a non-midnight time of day went into a date column. */
    TIME_OF_DAY_DROPPED("with a time of day dropped into a date (conversions.drop-time-of-day: true)", true),
    /** A REAL epoch with digits beyond the microsecond (e.g. Python's time.time()), rounded to the microsecond. */
    EPOCH_ROUNDED_TO_MICROSECOND("REAL epochs with digits beyond the microsecond, rounded to the microsecond", false),
    /**
     * A boolean the source held as text ({@code 'true'}, {@code 'f'}, {@code '0'}, ...), copied as the boolean it
     * spells. Not a change (PostgreSQL holds what was meant), but whoever read the SQLite file may not have read it so:
     * SQLAlchemy on SQLite reads any non-empty text, {@code 'false'} too, as True. Counted so the operator sees where.
     */
    TEXT_BOOLEAN(
            "held as text ('true', 'f', '0', ...) and copied as the boolean they spell; SQLAlchemy on SQLite read"
                    + " every one of them, 'false' too, as True",
            false);

    private final String meaning;
    private final boolean warns;

    Adjustment(String meaning, boolean warns) {
        this.meaning = meaning;
        this.warns = warns;
    }

    /** What was done to the values, after their count: "12 values " + meaning. */
    public String meaning() {
        return meaning;
    }

    /** Whether the values now differ from what the source wrote, so the report warns about them. */
    public boolean warns() {
        return warns;
    }
}
