package dev.lite2pg.convert;

/** A deliberate, documented change to a value, counted per column in the report. */
public enum Adjustment {
    /** A timestamp with an offset or 'Z' went into a naive timestamp column: it was converted to UTC. */
    OFFSET_CONVERTED_TO_UTC,
    /** A timestamp with a non-midnight time of day went into a date column: the date was kept. */
    TIME_OF_DAY_DROPPED
}
