package dev.lite2pg.model;

import java.util.List;

/**
 * A foreign key of the target schema.
 *
 * @param definition {@code pg_get_constraintdef} text, enough to add the constraint back exactly as it was
 */
public record TargetForeignKey(String name, String table, List<String> columns, String referencedTable,
                               List<String> referencedColumns, String definition) {
    public TargetForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public boolean selfReferencing() {
        return table.equals(referencedTable);
    }
}
