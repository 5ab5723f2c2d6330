package dev.lite2pg.convert;

/**
 * Turns one SQLite value into PostgreSQL's text input form for one target column. Chosen once per column
 * from the target column's real type, then called for every row: implementations keep no per-row state.
 *
 * <p>Input values are what the SQLite reader produces: {@code null}, {@link Long} (INTEGER), {@link Double} (REAL),
 * {@link String} (valid UTF-8 TEXT), {@link dev.lite2pg.model.InvalidUtf8Text} (TEXT with invalid UTF-8), {@code byte[]} (BLOB).
 */
public interface ValueConverter {

    /**
     * @return the value as PostgreSQL parses it in COPY text format, before COPY escaping; {@code null} for SQL NULL
     * @throws ConversionRefusedException when the value cannot be copied exactly; its message is the reason
     */
    String convert(Object value, ConversionNotes notes);

    /**
     * How this converter reads a number where it expects a date or time written as text (timestamp and date columns),
     * so the scan can warn about a column mixing both; null for every other converter.
     */
    default EpochNumbers numbersReadAs() {
        return null;
    }

    /** Short name shown in the report for this column, e.g. {@code boolean (0/1, t/f, true/false)}. */
    String description();
}
