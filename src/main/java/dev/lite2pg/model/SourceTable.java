package dev.lite2pg.model;

import java.util.List;

/** A SQLite table that may be copied: views, virtual tables and sqlite_* tables are never represented. */
public record SourceTable(String name, List<SourceColumn> columns, boolean withoutRowid, List<SourceForeignKey> foreignKeys) {
    public SourceTable {
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public List<SourceColumn> primaryKey() {
        return columns.stream().filter(SourceColumn::inPrimaryKey)
                .sorted(java.util.Comparator.comparingInt(SourceColumn::primaryKeyOrdinal)).toList();
    }
}
