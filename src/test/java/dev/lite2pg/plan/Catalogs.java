package dev.lite2pg.plan;

import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.model.TargetType;
import java.util.Arrays;
import java.util.List;

/** Hand-built catalogs for planning tests. */
final class Catalogs {
    private Catalogs() {}

    static SourceTable source(String name, String... columns) {
        return new SourceTable(
                name,
                Arrays.stream(columns)
                        .map(c -> new SourceColumn(c, "TEXT", false, 0))
                        .toList(),
                false,
                List.of());
    }

    /** Nullable columns without defaults: the neutral case. */
    static TargetTable target(String name, String... columns) {
        return new TargetTable(
                name, Arrays.stream(columns).map(Catalogs::nullable).toList(), List.of());
    }

    static TargetTable target(String name, List<TargetColumn> columns) {
        return new TargetTable(name, columns, List.of());
    }

    static TargetColumn nullable(String name) {
        return new TargetColumn(name, TargetType.of("text"), false, false, false);
    }

    static TargetColumn notNull(String name) {
        return new TargetColumn(name, TargetType.of("text"), true, false, false);
    }

    static TargetColumn notNullWithDefault(String name) {
        return new TargetColumn(name, TargetType.of("text"), true, true, false);
    }

    static TargetColumn generated(String name) {
        return new TargetColumn(name, TargetType.of("text"), true, true, true);
    }
}
