package dev.lite2pg.validate;

import dev.lite2pg.copy.RowKeys;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.sqlite.SqliteOrphans;
import dev.lite2pg.sqlite.SqliteOrphans.Reference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Orphan references in the source: rows whose reference the target's foreign key would find no parent for once the
 * copy is done. The copy defers foreign keys until every table is in, so these are found here, on the source, before
 * anything is written, instead of by the final {@code VALIDATE} after everything was. This class decides which source
 * columns a target key stands for and why a row is an orphan; {@link SqliteOrphans} asks SQLite.
 */
public final class SourceChecks {

    private final SqliteOrphans sqlite;

    public SourceChecks(Connection sqlite) {
        this.sqlite = new SqliteOrphans(sqlite);
    }

    /** One orphan reference: the child row and the values of its referencing columns. */
    public record Orphan(TableCopy child, List<String> columns, String rowKey, List<Object> values, String reason) {}

    @FunctionalInterface
    public interface OrphanSink {
        void found(Orphan orphan);
    }

    /**
     * The number of orphan references for one target foreign key, or empty when the key's columns are not all copied
     * from the source (then only the target can be checked).
     */
    public OptionalLong orphanCount(TargetForeignKey key, List<TableCopy> copies) throws SQLException {
        Optional<Query> query = query(key, copies);
        if (query.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sqlite.count(query.get().reference()));
    }

    /** As {@link #orphanCount}, handing every orphan to {@code sink}, in key order. */
    public OptionalLong eachOrphan(TargetForeignKey key, List<TableCopy> copies, OrphanSink sink) throws SQLException {
        Optional<Query> found = query(key, copies);
        if (found.isEmpty()) {
            return OptionalLong.empty();
        }
        Query query = found.get();
        RowKeys rowKeys = RowKeys.of(query.child());
        return OptionalLong.of(sqlite.each(
                query.reference(),
                rowKeys.selectExpressions(),
                (keyValues, values) -> sink.found(new Orphan(
                        query.child(),
                        query.reference().childColumns(),
                        rowKeys.describe(keyValues),
                        values,
                        query.reason()))));
    }

    /** The orphans of one key: the reference between source tables, and why its orphans are orphans. */
    private record Query(TableCopy child, Reference reference, String reason) {}

    private static Optional<Query> query(TargetForeignKey key, List<TableCopy> copies) {
        Optional<TableCopy> child = find(copies, key.table());
        if (child.isEmpty()) {
            return Optional.empty();
        }
        List<String> childColumns = sourceColumns(child.get(), key.columns());
        if (childColumns == null) {
            return Optional.empty();
        }
        Optional<TableCopy> parent = find(copies, key.referencedTable());
        String childTable = child.get().source().name();
        String which = " (foreign key " + key.name() + " of " + key.table() + ")";
        if (parent.isEmpty()) {
            // The parent is not copied, so it stays empty in the target: every non-null reference is an orphan.
            return Optional.of(new Query(
                    child.get(),
                    new Reference(childTable, childColumns, null, List.of()),
                    "references " + key.referencedTable() + ", which is not copied, so the target table stays empty"
                            + which));
        }
        List<String> parentColumns = sourceColumns(parent.get(), key.referencedColumns());
        if (parentColumns == null) {
            return Optional.empty();
        }
        return Optional.of(new Query(
                child.get(),
                new Reference(childTable, childColumns, parent.get().source().name(), parentColumns),
                "no " + key.referencedTable() + " row has " + String.join(", ", key.referencedColumns())
                        + " = this value" + which));
    }

    private static Optional<TableCopy> find(List<TableCopy> copies, String targetTable) {
        return copies.stream().filter(c -> c.targetTable().equals(targetTable)).findFirst();
    }

    private static List<String> sourceColumns(TableCopy copy, List<String> targetColumns) {
        List<String> result = new ArrayList<>();
        for (String target : targetColumns) {
            int index = copy.targetColumns().indexOf(target);
            if (index < 0) {
                return null;
            }
            result.add(copy.sourceColumns().get(index));
        }
        return result;
    }
}
