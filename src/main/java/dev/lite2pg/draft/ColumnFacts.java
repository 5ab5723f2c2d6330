package dev.lite2pg.draft;

/**
 * What the SQLite schema says about a column, as type inference needs it.
 *
 * @param rowidAlias an INTEGER PRIMARY KEY of a rowid table: SQLite's rowid under another name
 * @param autoincrement declared AUTOINCREMENT (ids are never reused; the cutover moves the sequence past them)
 * @param zeroOrOneCheck a CHECK constraint that allows only 0 and 1, as SQLAlchemy writes for a Boolean
 */
record ColumnFacts(
        String table,
        String name,
        DeclaredType declared,
        boolean notNull,
        boolean rowidAlias,
        boolean autoincrement,
        boolean zeroOrOneCheck) {}
