package dev.lite2pg.model;

/**
 * A column of a SQLite table as declared.
 *
 * @param declaredType the declared type text, often misleading: conversions never rely on it
 * @param primaryKeyOrdinal 1-based position in the primary key, 0 when not part of it
 */
public record SourceColumn(String name, String declaredType, boolean notNull, int primaryKeyOrdinal) {
    public boolean inPrimaryKey() {
        return primaryKeyOrdinal > 0;
    }
}
