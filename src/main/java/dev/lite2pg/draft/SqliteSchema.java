package dev.lite2pg.draft;

import dev.lite2pg.model.SourceTable;
import java.util.List;
import java.util.Map;

/** Everything of a SQLite schema that a draft keeps or reports, as SQLite declares it. */
record SqliteSchema(List<Table> tables, List<Named> views, List<Named> triggers) {

    /**
     * @param defaults each column's DEFAULT as written (pragma_table_info's dflt_value), absent when none
     * @param checks the expression of every CHECK constraint, column or table level, as tokens
     */
    record Table(
            SourceTable table,
            Map<String, String> defaults,
            boolean autoincrement,
            List<ForeignKey> foreignKeys,
            List<Index> indexes,
            List<List<SqlToken>> checks) {}

    /** @param parentColumns empty when the key names none: then it is the parent's primary key */
    record ForeignKey(
            List<String> columns, String parent, List<String> parentColumns, String onUpdate, String onDelete) {}

    /**
     * @param origin SQLite's: {@code c} CREATE INDEX, {@code u} a UNIQUE constraint, {@code pk} a PRIMARY KEY
     * @param terms each indexed term as tokens: a column, or an expression (with any COLLATE, ASC or DESC)
     * @param where a partial index's condition as tokens, empty when none
     */
    record Index(String name, boolean unique, String origin, List<List<SqlToken>> terms, List<SqlToken> where) {}

    record Named(String name, String sql) {}
}
