package dev.lite2pg.copy;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.convert.ConverterResolver;
import dev.lite2pg.convert.ValueConverter;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.plan.ColumnMapping;
import dev.lite2pg.plan.TableMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the name mapping and the parents-first order into one {@link TableCopy} per table, converters chosen once. */
public final class CopyPlanner {

    private CopyPlanner() {}

    public static List<TableCopy> plan(
            List<TableMapping> mappings, List<String> loadOrder, String targetSchema, ConversionOptions options) {
        Map<String, TableMapping> byTarget =
                mappings.stream().collect(Collectors.toMap(m -> m.target().name(), Function.identity()));
        List<TableCopy> copies = new ArrayList<>();
        for (String table : loadOrder) {
            TableMapping mapping = byTarget.get(table);
            if (mapping != null) {
                copies.add(tableCopy(copies.size(), mapping, targetSchema, options));
            }
        }
        return copies;
    }

    private static TableCopy tableCopy(
            int order, TableMapping mapping, String targetSchema, ConversionOptions options) {
        List<ColumnMapping> columns = mapping.columns();
        ValueConverter[] converters = new ValueConverter[columns.size()];
        boolean[] notNull = new boolean[columns.size()];
        List<String> sourceColumns = new ArrayList<>();
        List<String> targetColumns = new ArrayList<>();
        List<String> targetTypes = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            SourceColumn source = columns.get(i).source();
            TargetColumn target = columns.get(i).target();
            converters[i] = ConverterResolver.resolve(
                    target.type(), options.forColumn(mapping.source().name(), source.name()));
            notNull[i] = target.notNull();
            sourceColumns.add(source.name());
            targetColumns.add(target.name());
            targetTypes.add(target.type().sqlName());
        }
        return new TableCopy(
                order,
                mapping.source(),
                targetSchema,
                mapping.target().name(),
                sourceColumns,
                targetColumns,
                targetTypes,
                converters,
                notNull);
    }
}
