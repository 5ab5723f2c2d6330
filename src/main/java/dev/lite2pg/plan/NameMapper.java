package dev.lite2pg.plan;

import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which source table and column feeds which target table and column. Pure: it sees catalogs, not
 * databases, so every naming decision can be tested and reported before a connection is opened.
 */
public final class NameMapper {
    private NameMapper() {}

    /**
     * Maps every source table that is not excluded: an explicit {@code mapping.tables} entry first, else the
     * spec's {@link dev.lite2pg.jobfile.NameRule}; then its columns the same way. Never guesses: a name that
     * matches nothing, or several targets equally well, is reported in {@link NameMapping#problems()}.
     */
    public static NameMapping map(List<SourceTable> source, List<TargetTable> target, MappingSpec spec) {
        List<String> problems = new ArrayList<>();
        MappingDirectives directives = MappingDirectives.resolve(source, spec, problems);
        Map<String, TargetTable> targetsByName = new LinkedHashMap<>();
        target.forEach(table -> targetsByName.put(table.name(), table));

        List<TableMapping> tables = new ArrayList<>();
        Map<String, List<String>> sourcesByTarget = new LinkedHashMap<>();
        Map<String, List<String>> targetOnlyColumns = new LinkedHashMap<>();
        for (SourceTable table : source) {
            if (directives.tableExcluded(table.name())) {
                continue;
            }
            NameMatch match = directives
                    .tableOverride(table.name())
                    .map(wanted -> NameMatcher.explicit(wanted, targetsByName.keySet()))
                    .orElseGet(() -> NameMatcher.match(table.name(), targetsByName.keySet(), spec.names()));
            if (match instanceof NameMatch.Found found) {
                TargetTable targetTable = targetsByName.get(found.name());
                ColumnMapper.Result columns = ColumnMapper.map(table, targetTable, directives, spec.names());
                problems.addAll(columns.problems());
                tables.add(new TableMapping(table, targetTable, columns.columns()));
                sourcesByTarget
                        .computeIfAbsent(targetTable.name(), k -> new ArrayList<>())
                        .add(table.name());
                if (!columns.targetOnly().isEmpty()) {
                    targetOnlyColumns.put(targetTable.name(), columns.targetOnly());
                }
            } else {
                problems.add(tableProblem(
                        table.name(),
                        match,
                        directives.tableOverride(table.name()).isPresent()));
            }
        }
        sourcesByTarget.forEach((targetTable, sources) -> {
            if (sources.size() > 1) {
                problems.add("source tables " + Quoting.names(sources) + " map to the same target table " + targetTable
                        + "; map all but one elsewhere under mapping.tables or exclude them");
            }
        });
        List<String> targetOnlyTables = targetsByName.keySet().stream()
                .filter(t -> !sourcesByTarget.containsKey(t))
                .toList();
        return new NameMapping(tables, problems, targetOnlyTables, targetOnlyColumns);
    }

    private static String tableProblem(String table, NameMatch match, boolean explicit) {
        if (match instanceof NameMatch.Ambiguous ambiguous) {
            return "source table \"" + table + "\" matches several target tables ignoring case ("
                    + String.join(", ", ambiguous.candidates()) + "); name the one to use under mapping.tables";
        }
        List<String> tried = ((NameMatch.NotFound) match).tried();
        if (explicit) {
            return "mapping.tables: \"" + table + "\" maps to " + tried.get(0) + ", which is not a target table;"
                    + " fix the name or remove the entry";
        }
        return "source table \"" + table + "\" maps to no target table (tried " + String.join(", ", tried)
                + "); map it under mapping.tables or exclude it";
    }
}
