package dev.lite2pg.draft;

import java.util.List;

/**
 * A drafted PostgreSQL schema: tables with their columns and constraints, then the statements that must follow every
 * table (foreign keys, indexes), and what could not be translated.
 *
 * @param untranslated one line each: what it was in SQLite and why it was not translated
 */
record Draft(
        List<Table> tables,
        List<String> foreignKeys,
        List<String> indexes,
        List<String> untranslated,
        List<SqliteSchema.Named> views) {

    /** @param constraints the lines after the columns inside CREATE TABLE: PRIMARY KEY, UNIQUE, CHECK */
    record Table(String source, String target, long rows, List<DraftColumn> columns, List<String> constraints) {}

    /** The source {@code table.column}s drafted as timestamps from epoch milliseconds. */
    List<String> epochMilliseconds() {
        return tables.stream()
                .flatMap(t -> t.columns().stream()
                        .filter(c -> c.proposal().candidate() == Candidate.TIMESTAMP_MILLIS)
                        .map(c -> t.source() + "." + c.source()))
                .toList();
    }

    long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
