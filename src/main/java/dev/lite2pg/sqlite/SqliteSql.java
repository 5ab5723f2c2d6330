package dev.lite2pg.sqlite;

import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** SQLite SQL text: identifiers are always quoted, whatever they are called. */
public final class SqliteSql {

    private SqliteSql() {}

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The name under which the table's rowid can be selected: a column may shadow {@code rowid}, then
     * {@code _rowid_} or {@code oid} still reach it. A generated column shadows it too, though it is never read.
     */
    public static String rowidAlias(SourceTable table) {
        Set<String> names = Stream.concat(
                        table.columns().stream().map(SourceColumn::name), table.generatedColumns().stream())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (String alias : List.of("rowid", "_rowid_", "oid")) {
            if (!names.contains(alias)) {
                return alias;
            }
        }
        throw new IllegalStateException(
                "table " + table.name() + " has columns named rowid, _rowid_ and oid: its rowid cannot be read");
    }
}
