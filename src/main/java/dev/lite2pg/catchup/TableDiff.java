package dev.lite2pg.catchup;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.sqlite.SqliteSql;
import dev.lite2pg.sqlite.SqliteTableReader;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one table's rows in two snapshots are told apart, as conditions for a
 * {@link SqliteTableReader#comparedWith reader} of one snapshot with the other attached: SQLite compares the rows
 * itself, by key through the key's index, so only the rows that differ ever reach Java.
 *
 * <p>Two values are the same only when SQLite stores the same thing: same storage class ({@code typeof}, so 1 and 1.0,
 * or '1' and 1, differ), equal under BINARY collation (so 'a' and 'A' differ even in a NOCASE column) and, for a zero
 * real, the same sign (a column without affinity keeps -0.0, and the copy writes it so). A row is identified by the
 * source's primary key, which the copy writes into the target's key columns: the only thing a change can be applied
 * to in the target. Its values are compared the same way, so a key that changed only under its own collation ('b' to
 * 'B' under NOCASE) or storage class (2 to 2.0) is a deleted row and a new one, as the target holds them. A table
 * without a key cannot be caught up exactly.
 *
 * @param keyColumns the source primary key's columns, all of them copied
 */
public record TableDiff(TableCopy copy, List<String> keyColumns) {

    /** The name the other snapshot's row goes by in the conditions, unlike any table's. */
    private static final String ROW = SqliteSql.quote("lite2pg other row");

    public TableDiff {
        keyColumns = List.copyOf(keyColumns);
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException(copy.source().name() + " has no key to tell rows apart by");
        }
    }

    /**
     * The table's diff, when its source primary key is copied whole into the target (where the change is applied
     * by it); empty for a table without one.
     */
    public static Optional<TableDiff> of(TableCopy copy) {
        if (copy.targetKeyColumns().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TableDiff(
                copy,
                copy.source().primaryKey().stream().map(SourceColumn::name).toList()));
    }

    /**
     * Rows of the read snapshot that the other holds not at all or with other values: read from the new snapshot with
     * the base attached, the rows to write; from the base with the new one attached, the old versions (whose keys are
     * deleted unless the new snapshot's side holds them).
     */
    public String changedOrNew() {
        return "NOT EXISTS (SELECT 1 FROM " + other() + " WHERE " + sameKey() + " AND " + same(copy.sourceColumns())
                + ")";
    }

    private String other() {
        return SqliteTableReader.OTHER + "." + SqliteSql.quote(copy.source().name()) + " AS " + ROW;
    }

    /**
     * By the key's own comparison, so SQLite finds the other row through the key's index; that comparison also finds
     * keys the target holds apart ('b' = 'B' under NOCASE, 2 = 2.0), so {@link #same} of the key decides.
     */
    private String sameKey() {
        return keyColumns.stream()
                .map(c -> ROW + "." + SqliteSql.quote(c) + " = " + here(c))
                .collect(Collectors.joining(" AND "));
    }

    /**
     * The same stored values. {@code =} and {@code IS} find -0.0 equal to 0.0; {@code atan2(x, -1)} is the one built-in
     * (SQLite's math functions, which sqlite-jdbc compiles in) that tells them apart, asked only of zero reals.
     */
    private String same(List<String> columns) {
        return columns.stream()
                .map(c -> {
                    String there = ROW + "." + SqliteSql.quote(c);
                    String here = here(c);
                    return "typeof(" + there + ") = typeof(" + here + ") AND " + there + " IS " + here
                            + " COLLATE BINARY AND (typeof(" + here + ") <> 'real' OR " + here + " <> 0 OR atan2("
                            + there + ", -1) = atan2(" + here + ", -1))";
                })
                .collect(Collectors.joining(" AND "));
    }

    private String here(String column) {
        return SqliteSql.quote(copy.source().name()) + "." + SqliteSql.quote(column);
    }
}
