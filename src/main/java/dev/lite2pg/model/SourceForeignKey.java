package dev.lite2pg.model;

import java.util.List;

/** A foreign key declared in the SQLite schema (informational: the target's keys drive ordering). */
public record SourceForeignKey(
        String table, List<String> columns, String referencedTable, List<String> referencedColumns) {
    public SourceForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
