package dev.lite2pg.plan;

import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetTable;
import java.util.List;
import java.util.Objects;

/**
 * One source table copied into one target table.
 *
 * @param columns the copied columns in source column order; excluded and target-only columns are absent
 */
public record TableMapping(SourceTable source, TargetTable target, List<ColumnMapping> columns) {
    public TableMapping {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        columns = List.copyOf(columns);
    }

    /** The columns to select, in the same order as {@link #targetColumnNames()}. */
    public List<String> sourceColumnNames() {
        return columns.stream().map(c -> c.source().name()).toList();
    }

    /** The columns to write, in the same order as {@link #sourceColumnNames()}. */
    public List<String> targetColumnNames() {
        return columns.stream().map(c -> c.target().name()).toList();
    }
}
