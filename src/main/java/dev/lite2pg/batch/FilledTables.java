package dev.lite2pg.batch;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target's tables that hold rows before the copy, sorted by what the run does with them. Only the tables the job
 * copies into must be empty; the rows of one that {@code schema.replace-rows} names (rows the migrations inserted,
 * such as {@code alembic_version}) are replaced by the source's; every other table is the target's own and is never
 * checked, changed or emptied.
 *
 * @param replaced copied tables whose rows the source's replace, with their row counts
 * @param targetOnly tables nothing is copied into that hold rows, with their row counts
 */
record FilledTables(Map<String, Long> replaced, Map<String, Long> targetOnly) {

    FilledTables {
        replaced = Collections.unmodifiableMap(new LinkedHashMap<>(replaced));
        targetOnly = Collections.unmodifiableMap(new LinkedHashMap<>(targetOnly));
    }

    /**
     * @param withRows the target's tables holding rows, with their row counts
     * @param copied target table to the source table copied into it
     * @param replaceRows the job's {@code schema.replace-rows}
     * @throws Lite2pgException PRECONDITION naming every copied table holding rows that the job does not let the
     *     source replace, with the choice, and every {@code replace-rows} entry the job copies nothing into
     */
    static FilledTables sort(
            Map<String, Long> withRows, Map<String, String> copied, Set<String> replaceRows, String schema) {
        Map<String, Long> replaced = new LinkedHashMap<>();
        Map<String, Long> targetOnly = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        withRows.forEach((table, rows) -> {
            String source = copied.get(table);
            if (source == null) {
                targetOnly.put(table, rows);
            } else if (replaceRows.contains(table)) {
                replaced.put(table, rows);
            } else {
                problems.add(table + " holds " + rows + " row(s) and the job copies source table " + source
                        + " into it: keep the target's rows with mapping.exclude: [ " + source
                        + " ], or let the source's rows replace them with schema.replace-rows: [ " + table + " ]");
            }
        });
        replaceRows.stream()
                .filter(table -> !copied.containsKey(table))
                .sorted()
                .forEach(table -> problems.add("schema.replace-rows names " + table
                        + ", which the job copies nothing into in schema " + schema + "; remove it from the list"));
        if (!problems.isEmpty()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "target schema " + schema + " already holds rows where the job would copy; nothing was copied"
                            + " (lite2pg copies only into empty tables; tables it does not copy into are never"
                            + " checked or changed). Change the job file, then run the same command again:\n  - "
                            + String.join("\n  - ", problems));
        }
        return new FilledTables(replaced, targetOnly);
    }
}
