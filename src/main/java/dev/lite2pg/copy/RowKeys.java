package dev.lite2pg.copy;

import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.SqliteSql;
import java.util.List;

/**
 * How a source row is named in messages, so an operator can find it again: by its primary key when the copy carries
 * all of it, else by the primary key of a WITHOUT ROWID table (the reader's own key), else by rowid. Decided once per
 * table; a row's text is only built when the row is reported, never on the hot path.
 */
public final class RowKeys {

    private final List<String> names;
    /** Positions of the primary key among the copied values; null when the key comes from the reader's key instead. */
    private final int[] valueIndexes;

    private final List<String> selectExpressions;

    private RowKeys(List<String> names, int[] valueIndexes, List<String> selectExpressions) {
        this.names = List.copyOf(names);
        this.valueIndexes = valueIndexes;
        this.selectExpressions = List.copyOf(selectExpressions);
    }

    public static RowKeys of(TableCopy copy) {
        List<SourceColumn> pk = copy.source().primaryKey();
        List<String> pkNames = pk.stream().map(SourceColumn::name).toList();
        List<String> pkSql = pkNames.stream().map(SqliteSql::quote).toList();
        int[] indexes = pkNames.stream().mapToInt(copy.sourceColumns()::indexOf).toArray();
        boolean primaryKeyCopied = indexes.length > 0;
        for (int index : indexes) {
            primaryKeyCopied &= index >= 0;
        }
        if (primaryKeyCopied) {
            return new RowKeys(pkNames, indexes, pkSql);
        }
        if (copy.source().withoutRowid()) {
            return new RowKeys(pkNames, null, pkSql);
        }
        String rowid = SqliteSql.rowidAlias(copy.source());
        return new RowKeys(List.of(rowid), null, List.of(rowid));
    }

    /** A row read by {@link dev.lite2pg.sqlite.SqliteTableReader} for this table's copy. */
    public String describe(SourceRow row) {
        if (valueIndexes == null) {
            return describe(row.key());
        }
        Object[] values = new Object[valueIndexes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.values()[valueIndexes[i]];
        }
        return describe(values);
    }

    /** @param keyValues the values of {@link #selectExpressions()}, in that order */
    public String describe(Object[] keyValues) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i > 0 ? ", " : "").append(names.get(i)).append('=').append(plain(keyValues[i]));
        }
        return text.toString();
    }

    /** SQLite expressions (quoted) selecting the values that name a row, for queries that report rows themselves. */
    public List<String> selectExpressions() {
        return selectExpressions;
    }

    private static String plain(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
