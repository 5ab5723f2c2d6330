package dev.lite2pg.copy;

import dev.lite2pg.convert.ValueConverter;
import dev.lite2pg.model.SourceTable;
import java.util.List;

/**
 * Everything needed to copy one table, decided once before the first row: which source columns feed which target
 * columns, and the converter for each, held in arrays indexed by column for the hot path.
 *
 * @param order position in the parents-first order tables are listed in (see {@link dev.lite2pg.plan.ParentsFirstOrder})
 */
public record TableCopy(
        int order,
        SourceTable source,
        String targetSchema,
        String targetTable,
        List<String> sourceColumns,
        List<String> targetColumns,
        List<String> targetTypes,
        ValueConverter[] converters,
        boolean[] notNull) {

    public TableCopy {
        sourceColumns = List.copyOf(sourceColumns);
        targetColumns = List.copyOf(targetColumns);
        targetTypes = List.copyOf(targetTypes);
    }

    public int width() {
        return converters.length;
    }

    /** The source's primary key under its target names, when the copy writes all of it; else empty. */
    public List<String> targetKeyColumns() {
        List<String> keys = new java.util.ArrayList<>();
        for (var column : source.primaryKey()) {
            int index = sourceColumns.indexOf(column.name());
            if (index < 0) {
                return List.of();
            }
            keys.add(targetColumns.get(index));
        }
        return keys;
    }
}
