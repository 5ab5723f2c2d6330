package dev.lite2pg.source;

/**
 * One row read from a source table.
 *
 * @param key the values that identify the row and position the reader (rowid, or the primary key of a WITHOUT ROWID table)
 * @param values the mapped columns' values, in the order of the table's copy plan
 */
public record SourceRow(Object[] key, Object[] values) {}
