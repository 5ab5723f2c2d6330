package dev.lite2pg.catchup;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.model.TargetType;
import dev.lite2pg.sqlite.SqliteSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** A base snapshot and a changed copy of it, built by SQL, and a table's copy planned as catch-up plans it. */
final class Snapshots {

    private Snapshots() {}

    static Path sqlite(Path file, String... statements) throws Exception {
        execute(file, statements);
        return file;
    }

    /** A copy of {@code base} with {@code statements} applied: the new snapshot. */
    static Path changed(Path base, Path file, String... statements) throws Exception {
        Files.copy(base, file);
        execute(file, statements);
        return file;
    }

    private static void execute(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /**
     * The table's copy as catch-up plans it ({@link CopyPlan#build} over the file's catalog) into a target of the same
     * names, each column of the type {@code types} names for it, else text.
     */
    static TableCopy copy(Path file, String table, Map<String, String> types) {
        List<SourceTable> source;
        try (SqliteSource sqlite = SqliteSource.open(file)) {
            source = sqlite.tables();
        }
        List<TargetTable> target = source.stream()
                .map(t -> new TargetTable(
                        t.name(),
                        t.columns().stream()
                                .map(c -> new TargetColumn(
                                        c.name(),
                                        TargetType.of(types.getOrDefault(c.name(), "text")),
                                        false,
                                        false,
                                        false))
                                .toList(),
                        List.of()))
                .toList();
        CopyPlan plan = CopyPlan.build(
                source, target, "app", MappingSpec.defaults(), ConversionOptions.DEFAULTS, CopyPlan.Unmapped.REFUSE);
        return plan.copies().stream()
                .filter(c -> c.source().name().equals(table))
                .findFirst()
                .orElseThrow();
    }
}
