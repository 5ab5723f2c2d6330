package dev.lite2pg.plan;

import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The job file's overrides and excludes checked against the real source catalog. An entry naming nothing is
 * a problem, not a no-op: a typo in an exclude would otherwise stop the run later with a less helpful message,
 * and a typo in an override would silently fall back to automatic names.
 *
 * <p>{@code <table>.<column>} entries are resolved by looking the whole text up among all such pairs of the
 * source, rather than splitting at a dot, because SQLite names may themselves contain dots.
 */
final class MappingDirectives {
    private record ColumnRef(String table, String column) {}

    private final Set<String> excludedTables = new HashSet<>();
    private final Set<ColumnRef> excludedColumns = new HashSet<>();
    private final Map<String, String> tableOverrides = new HashMap<>();
    private final Map<ColumnRef, String> columnOverrides = new HashMap<>();

    private MappingDirectives() {}

    static MappingDirectives resolve(List<SourceTable> source, MappingSpec spec, List<String> problems) {
        Set<String> tableNames = new HashSet<>();
        Map<String, List<ColumnRef>> columnsByKey = new LinkedHashMap<>();
        // A generated column is never read, so nothing maps it; but excluding it says its target column is left alone.
        Map<String, List<ColumnRef>> excludable = new LinkedHashMap<>();
        for (SourceTable table : source) {
            tableNames.add(table.name());
            for (SourceColumn column : table.columns()) {
                columnsByKey
                        .computeIfAbsent(table.name() + "." + column.name(), k -> new ArrayList<>())
                        .add(new ColumnRef(table.name(), column.name()));
            }
            for (String column : table.generatedColumns()) {
                excludable
                        .computeIfAbsent(table.name() + "." + column, k -> new ArrayList<>())
                        .add(new ColumnRef(table.name(), column));
            }
        }
        columnsByKey.forEach((key, refs) ->
                excludable.computeIfAbsent(key, k -> new ArrayList<>()).addAll(refs));
        MappingDirectives directives = new MappingDirectives();
        directives.resolveExcludes(spec.exclude(), tableNames, excludable, problems);
        directives.resolveTableOverrides(spec.tables(), tableNames, problems);
        directives.resolveColumnOverrides(spec.columns(), columnsByKey, problems);
        return directives;
    }

    boolean tableExcluded(String table) {
        return excludedTables.contains(table);
    }

    boolean columnExcluded(String table, String column) {
        return excludedColumns.contains(new ColumnRef(table, column));
    }

    Optional<String> tableOverride(String table) {
        return Optional.ofNullable(tableOverrides.get(table));
    }

    Optional<String> columnOverride(String table, String column) {
        return Optional.ofNullable(columnOverrides.get(new ColumnRef(table, column)));
    }

    private void resolveExcludes(
            List<String> excludes,
            Set<String> tableNames,
            Map<String, List<ColumnRef>> columnsByKey,
            List<String> problems) {
        for (String entry : excludes) {
            boolean isTable = tableNames.contains(entry);
            List<ColumnRef> columns = columnsByKey.getOrDefault(entry, List.of());
            if (isTable && columns.isEmpty()) {
                excludedTables.add(entry);
            } else if (!isTable && columns.size() == 1) {
                excludedColumns.add(columns.get(0));
            } else if (!isTable && columns.isEmpty()) {
                List<String> known = new ArrayList<>(tableNames);
                known.addAll(columnsByKey.keySet());
                problems.add("mapping.exclude: \"" + entry
                        + "\" is neither a source table nor a <table>.<column> of one" + suggestion(entry, known));
            } else {
                problems.add(ambiguous("mapping.exclude", entry));
            }
        }
    }

    private void resolveTableOverrides(Map<String, String> overrides, Set<String> tableNames, List<String> problems) {
        overrides.forEach((table, target) -> {
            if (!tableNames.contains(table)) {
                problems.add("mapping.tables: \"" + table + "\" is not a source table" + suggestion(table, tableNames));
            } else if (excludedTables.contains(table)) {
                problems.add("mapping.tables: \"" + table
                        + "\" is also excluded under mapping.exclude; remove one of the two");
            } else {
                tableOverrides.put(table, target);
            }
        });
    }

    private void resolveColumnOverrides(
            Map<String, String> overrides, Map<String, List<ColumnRef>> columnsByKey, List<String> problems) {
        overrides.forEach((key, target) -> {
            List<ColumnRef> columns = columnsByKey.getOrDefault(key, List.of());
            if (columns.isEmpty()) {
                problems.add("mapping.columns: \"" + key + "\" is not a <source table>.<source column>"
                        + suggestion(key, columnsByKey.keySet()));
            } else if (columns.size() > 1) {
                problems.add(ambiguous("mapping.columns", key));
            } else if (excludedTables.contains(columns.get(0).table()) || excludedColumns.contains(columns.get(0))) {
                problems.add("mapping.columns: \"" + key
                        + "\" is also excluded under mapping.exclude; remove one of the two");
            } else {
                columnOverrides.put(columns.get(0), target);
            }
        });
    }

    private static String ambiguous(String key, String entry) {
        return key + ": \"" + entry + "\" names more than one source table or column (their names contain dots),"
                + " so it cannot say which one is meant; rename the source object";
    }

    /** Only a case slip is suggested: it is the one mistake that looks right to the eye. */
    private static String suggestion(String wrong, Collection<String> known) {
        return known.stream()
                .filter(name -> name.equalsIgnoreCase(wrong))
                .findFirst()
                .map(name -> " (did you mean \"" + name + "\"?)")
                .orElse("");
    }
}
