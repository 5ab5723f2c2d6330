package dev.lite2pg.model;

import java.util.List;

/**
 * A foreign key of the target schema.
 *
 * @param definition {@code pg_get_constraintdef} text, enough to add the constraint back exactly as it was
 */
public record TargetForeignKey(
        String name,
        String table,
        List<String> columns,
        String referencedTable,
        List<String> referencedColumns,
        String definition) {
    public TargetForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /**
     * How the key is named wherever it is shown or looked up by name ({@code table.name}: a constraint name is unique
     * only within its table): the plan's and the scan's orphan counts, the deferred keys, the report.
     */
    public String displayName() {
        return table + "." + name;
    }

    public boolean selfReferencing() {
        return table.equals(referencedTable);
    }
}
