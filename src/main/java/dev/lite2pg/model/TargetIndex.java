package dev.lite2pg.model;

/**
 * A secondary index of the target schema: one that backs no constraint, so it can be dropped before a bulk load and
 * built once after it.
 *
 * @param definition {@code pg_get_indexdef} text: the whole CREATE INDEX statement
 */
public record TargetIndex(String table, String name, String definition) {}
