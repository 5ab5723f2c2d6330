package dev.lite2pg.plan;

import dev.lite2pg.jobfile.NameRule;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the columns of one source table onto the columns of the target table it was mapped to. */
final class ColumnMapper {
    record Result(List<ColumnMapping> columns, List<String> problems, List<String> targetOnly) {
    }

    private ColumnMapper() {
    }

    static Result map(SourceTable source, TargetTable target, MappingDirectives directives, NameRule rule) {
        Map<String, TargetColumn> targetsByName = new LinkedHashMap<>();
        target.columns().forEach(column -> targetsByName.put(column.name(), column));
        List<ColumnMapping> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> sourcesByTarget = new LinkedHashMap<>();

        for (SourceColumn column : source.columns()) {
            if (directives.columnExcluded(source.name(), column.name())) {
                continue;
            }
            String override = directives.columnOverride(source.name(), column.name()).orElse(null);
            NameMatch match = override != null
                    ? NameMatcher.explicit(override, targetsByName.keySet())
                    : NameMatcher.match(column.name(), targetsByName.keySet(), rule);
            if (!(match instanceof NameMatch.Found found)) {
                problems.add(unmatched(source.name(), column.name(), target.name(), match, override != null));
                continue;
            }
            TargetColumn targetColumn = targetsByName.get(found.name());
            if (targetColumn.generated()) {
                problems.add("source column " + qualified(source.name(), column.name()) + " maps to generated column "
                        + target.name() + "." + targetColumn.name() + ", which cannot be written; exclude it under"
                        + " mapping.exclude as \"" + source.name() + "." + column.name() + "\" or map it elsewhere");
                continue;
            }
            columns.add(new ColumnMapping(column, targetColumn));
            sourcesByTarget.computeIfAbsent(targetColumn.name(), k -> new ArrayList<>()).add(column.name());
        }

        sourcesByTarget.forEach((targetColumn, sources) -> {
            if (sources.size() > 1) {
                problems.add("source columns " + Quoting.names(sources) + " of table \"" + source.name()
                        + "\" map to the same column " + target.name() + "." + targetColumn
                        + "; map all but one elsewhere under mapping.columns or exclude them");
            }
        });
        List<String> targetOnly = new ArrayList<>();
        for (TargetColumn column : target.columns()) {
            if (sourcesByTarget.containsKey(column.name())) {
                continue;
            }
            targetOnly.add(column.name());
            if (column.notNull() && !column.hasDefault() && !column.generated()) {
                problems.add("target column " + target.name() + "." + column.name() + " is NOT NULL without a default"
                        + " and nothing maps to it; map a source column to it under mapping.columns or give it a default");
            }
        }
        return new Result(columns, problems, targetOnly);
    }

    private static String unmatched(String table, String column, String targetTable, NameMatch match, boolean explicit) {
        String key = "\"" + table + "." + column + "\"";
        if (match instanceof NameMatch.Ambiguous ambiguous) {
            return "source column " + qualified(table, column) + " matches several columns of target table " + targetTable
                    + " ignoring case (" + String.join(", ", ambiguous.candidates()) + "); name the one to use under"
                    + " mapping.columns as " + key;
        }
        List<String> tried = ((NameMatch.NotFound) match).tried();
        if (explicit) {
            return "mapping.columns: " + key + " maps to " + tried.get(0) + ", which is not a column of target table "
                    + targetTable + "; fix the name or remove the entry";
        }
        return "source column " + qualified(table, column) + " maps to no column of target table " + targetTable
                + " (tried " + String.join(", ", tried) + "); map it under mapping.columns as " + key
                + " or exclude it";
    }

    private static String qualified(String table, String column) {
        return "\"" + table + "\".\"" + column + "\"";
    }
}
