package dev.lite2pg.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which source table and column goes where, planned before any row moves.
 *
 * @param tables the mapped tables in source order
 * @param problems everything that stops the copy, one operator-readable line each; the caller refuses to run
 *     unless this is empty, which is why the mapper collects them all instead of throwing at the first
 * @param targetOnlyTables target tables nothing is copied into (left empty), in target order
 * @param targetOnlyColumns per mapped target table, its columns nothing is copied into (left to defaults,
 *     generation expressions or triggers), in target order; tables without such columns are absent
 */
public record NameMapping(
        List<TableMapping> tables,
        List<String> problems,
        List<String> targetOnlyTables,
        Map<String, List<String>> targetOnlyColumns) {
    public NameMapping {
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
        targetOnlyTables = List.copyOf(targetOnlyTables);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        targetOnlyColumns.forEach((table, columns) -> copy.put(table, List.copyOf(columns)));
        targetOnlyColumns = Collections.unmodifiableMap(copy);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
