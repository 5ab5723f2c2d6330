package dev.lite2pg.model;

import java.util.List;

/** An ordinary table of the target schema. */
public record TargetTable(String name, List<TargetColumn> columns, List<TargetForeignKey> foreignKeys) {
    public TargetTable {
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
    }
}
