package dev.lite2pg.jobfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How source names map to target names. All names here are written as the operator wrote them; the planner
 * checks them against the real catalogs, so a typo becomes a problem rather than a silently ignored entry.
 *
 * @param tables source table name to target table name
 * @param columns {@code <source table>.<source column>} to target column name
 * @param exclude source tables, or {@code <source table>.<source column>}, that are not copied
 */
public record MappingSpec(
        NameRule names, Map<String, String> tables, Map<String, String> columns, List<String> exclude) {
    public MappingSpec {
        Objects.requireNonNull(names, "names");
        // Insertion order is kept so that problems are reported in the order the operator wrote them.
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        exclude = List.copyOf(exclude);
    }

    /** Automatic names, no overrides, nothing excluded. */
    public static MappingSpec defaults() {
        return new MappingSpec(NameRule.AUTO, Map.of(), Map.of(), List.of());
    }
}
