package dev.lite2pg.model;

/**
 * A column of a PostgreSQL table.
 *
 * @param hasDefault the column has a default, identity or generation expression, so it may be left out of the copy
 */
public record TargetColumn(String name, TargetType type, boolean notNull, boolean hasDefault, boolean generated) {}
