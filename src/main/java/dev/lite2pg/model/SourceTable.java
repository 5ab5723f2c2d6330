package dev.lite2pg.model;

import java.util.List;

/**
 * A SQLite table that may be copied: views, virtual tables and sqlite_* tables are never represented.
 *
 * @param columns the columns that store data, the only ones read
 * @param generatedColumns the names of its generated columns (VIRTUAL or STORED): SQLite computes them, they are never read
 */
public record SourceTable(
        String name,
        List<SourceColumn> columns,
        boolean withoutRowid,
        List<SourceForeignKey> foreignKeys,
        List<String> generatedColumns) {
    public SourceTable {
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        generatedColumns = List.copyOf(generatedColumns);
    }

    /** A table without generated columns. */
    public SourceTable(
            String name, List<SourceColumn> columns, boolean withoutRowid, List<SourceForeignKey> foreignKeys) {
        this(name, columns, withoutRowid, foreignKeys, List.of());
    }

    public List<SourceColumn> primaryKey() {
        return columns.stream()
                .filter(SourceColumn::inPrimaryKey)
                .sorted(java.util.Comparator.comparingInt(SourceColumn::primaryKeyOrdinal))
                .toList();
    }
}
