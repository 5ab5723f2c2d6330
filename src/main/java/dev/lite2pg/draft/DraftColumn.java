package dev.lite2pg.draft;

/**
 * A column of the drafted table.
 *
 * @param defaultSql the translated DEFAULT expression, null when none
 */
record DraftColumn(String source, String target, ColumnProposal proposal, boolean notNull, String defaultSql) {}
