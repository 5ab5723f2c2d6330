package dev.lite2pg.sqlite;

import dev.lite2pg.model.InvalidUtf8Text;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.source.OversizedValue;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads one SQLite table page by page in key order: {@code WHERE key > last ORDER BY key LIMIT n}, never OFFSET,
 * so each page costs the same however deep into the table it is and memory stays at one page. A read starts after a
 * given key (a restarted copy's last committed row, a part of the table) and can end at one (the end of a part).
 * The key is the rowid, or the primary key of a WITHOUT ROWID table.
 *
 * <p>Memory is bounded by bytes as well as rows ({@link ReadBudget}): a page ends early once its values hold the
 * budget's page bytes, and a value larger than the budget's value bytes is measured in SQLite ({@code octet_length},
 * which does not load it) and never read: the row carries an {@link OversizedValue} in its place.
 */
public final class SqliteTableReader implements AutoCloseable {

    private final Path file;
    private final SourceTable table;
    private final List<String> columns;
    private final int pageSize;
    private final ReadBudget budget;
    private final boolean rowidKey;
    private final int keyWidth;
    private final String selectSql;
    private final String keyList;
    private final String keyPlaceholders;
    private final String sizesSql;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Another SQLite file, attached read-only as {@value #OTHER}, that {@link #filter} may compare rows with. */
    private Path other;
    /** A condition every row read must meet; may name this table's columns as {@code "table"."column"}. */
    private String filter;

    private Connection connection;
    private PreparedStatement firstPage;
    private PreparedStatement nextPage;
    private PreparedStatement sizes;
    private final List<SourceRow> page = new ArrayList<>();
    private int nextInPage;
    private boolean exhausted;
    private Object[] lastKey;
    private Object[] upTo;
    private long bytesDelivered;

    /**
     * @param columns the source columns to read, in the order the copy plan expects them
     */
    public SqliteTableReader(Path file, SourceTable table, List<String> columns, int pageSize, ReadBudget budget) {
        this.file = file;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.pageSize = pageSize;
        this.budget = budget;
        this.rowidKey = !table.withoutRowid();
        List<String> keyExpressions = rowidKey
                ? List.of(SqliteSql.rowidAlias(table))
                : table.primaryKey().stream()
                        .map(c -> SqliteSql.quote(c.name()))
                        .toList();
        this.keyWidth = keyExpressions.size();
        this.keyList = String.join(", ", keyExpressions);
        // After the key, the size of the row's largest value; a value over the limit reads as NULL, so SQLite never
        // loads it.
        long limit = budget.valueBytes();
        StringBuilder select = new StringBuilder("SELECT ").append(keyList).append(", max(0");
        for (String column : this.columns) {
            select.append(", coalesce(octet_length(")
                    .append(SqliteSql.quote(column))
                    .append("), 0)");
        }
        select.append(")");
        for (String column : this.columns) {
            String c = SqliteSql.quote(column);
            select.append(", CASE WHEN octet_length(")
                    .append(c)
                    .append(") > ")
                    .append(limit)
                    .append(" THEN NULL ELSE ")
                    .append(c)
                    .append(" END");
        }
        select.append(" FROM ").append(SqliteSql.quote(table.name()));
        this.selectSql = select.toString();
        this.keyPlaceholders = keyExpressions.stream().map(k -> "?").collect(Collectors.joining(", "));
        this.sizesSql = "SELECT "
                + this.columns.stream()
                        .map(SqliteSql::quote)
                        .map(c -> "typeof(" + c + "), octet_length(" + c + ")")
                        .collect(Collectors.joining(", "))
                + " FROM " + SqliteSql.quote(table.name()) + " WHERE " + compareKey("=");
    }

    /** Row values compare a composite key the same way ORDER BY sorts it, so pages never overlap or skip. */
    private String compareKey(String operator) {
        return keyWidth == 1
                ? keyList + " " + operator + " ?"
                : "(" + keyList + ") " + operator + " (" + keyPlaceholders + ")";
    }

    /** The schema name under which {@link #comparedWith} attaches the other file. */
    public static final String OTHER = "other";

    /**
     * Reads only the rows that meet {@code condition}, which may compare each row with those of {@code otherFile}
     * (attached read-only as {@value #OTHER}), e.g. the rows of a new snapshot that an older one lacks. Call before
     * {@link #open}.
     */
    public SqliteTableReader comparedWith(Path otherFile, String condition) {
        this.other = otherFile;
        this.filter = condition;
        return this;
    }

    /** Reads the whole table. */
    public void open() {
        open(null, null);
    }

    /** Reads one rowid range of the table: the whole of it for {@link RowidRange#ALL}, as for a WITHOUT ROWID table. */
    public void open(RowidRange part) {
        open(
                part.after() == null ? null : new Object[] {part.after()},
                part.upTo() == null ? null : new Object[] {part.upTo()});
    }

    /**
     * @param after the read starts after the row with this key; null from the first row
     * @param upTo the read ends with the row with this key, or the last one before it; null at the table's last row
     */
    public void open(Object[] after, Object[] upTo) {
        this.lastKey = after;
        this.upTo = upTo;
        String until = upTo == null ? "" : compareKey("<=");
        if (filter != null) {
            until = until.isEmpty() ? "(" + filter + ")" : until + " AND (" + filter + ")";
        }
        String order = " ORDER BY " + keyList + " LIMIT ?";
        String firstPageSql = selectSql + (until.isEmpty() ? "" : " WHERE " + until) + order;
        String nextPageSql = selectSql + " WHERE " + compareKey(">") + (until.isEmpty() ? "" : " AND " + until) + order;
        connection = SqliteFiles.openReadOnly(file);
        try {
            if (other != null) {
                SqliteFiles.attachReadOnly(connection, other, OTHER);
            }
            firstPage = connection.prepareStatement(firstPageSql);
            nextPage = connection.prepareStatement(nextPageSql);
            sizes = this.columns.isEmpty() ? null : connection.prepareStatement(sizesSql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the read of " + table.name() + ": " + e.getMessage(), e);
        }
    }

    /** The next row in key order, or null after the last. */
    public SourceRow next() {
        if (nextInPage == page.size()) {
            if (exhausted) {
                return null;
            }
            fetchPage();
            if (page.isEmpty()) {
                return null;
            }
        }
        SourceRow row = page.get(nextInPage++);
        bytesDelivered += bytes(row);
        return row;
    }

    private void fetchPage() {
        page.clear();
        nextInPage = 0;
        try {
            PreparedStatement ps = lastKey == null ? firstPage : nextPage;
            int p = 1;
            for (Object[] bound : new Object[][] {lastKey, upTo}) {
                if (bound != null) {
                    for (Object k : bound) {
                        ps.setObject(p++, k);
                    }
                }
            }
            ps.setInt(p, pageSize);
            long pageBytes = 0;
            boolean full = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (!full && rs.next()) {
                    SourceRow row = toRow(rs);
                    page.add(row);
                    pageBytes += bytes(row);
                    full = page.size() == pageSize || pageBytes >= budget.pageBytes();
                }
            }
            exhausted = !full;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read " + table.name() + " after key " + describeKey(lastKey) + ": " + e.getMessage(), e);
        }
        if (!page.isEmpty()) {
            lastKey = page.get(page.size() - 1).key();
        }
    }

    private SourceRow toRow(ResultSet rs) throws SQLException {
        Object[] key = new Object[keyWidth];
        for (int i = 0; i < keyWidth; i++) {
            key[i] = value(rs, i + 1);
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(rs, keyWidth + i + 2);
        }
        if (rs.getLong(keyWidth + 1) > budget.valueBytes()) {
            markOversized(key, values);
        }
        return new SourceRow(key, values);
    }

    /** The rare row with a value over the limit: which values, measured again by key, each read as NULL in the page. */
    private void markOversized(Object[] key, Object[] values) throws SQLException {
        for (int k = 0; k < keyWidth; k++) {
            sizes.setObject(k + 1, key[k]);
        }
        try (ResultSet rs = sizes.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("row " + describeKey(key) + " vanished from a read-only snapshot");
            }
            for (int i = 0; i < values.length; i++) {
                long size = rs.getLong(2 * i + 2);
                if (size > budget.valueBytes()) {
                    values[i] = new OversizedValue(
                            rs.getString(2 * i + 1).toUpperCase(Locale.ROOT), size, budget.oversizedReason(size));
                }
            }
        }
    }

    /** What a row's values weigh for the page and chunk budgets: their bytes, about 8 for a number. */
    static long bytes(SourceRow row) {
        long bytes = 0;
        for (Object v : row.values()) {
            if (v instanceof byte[] b) {
                bytes += b.length;
            } else if (v instanceof String s) {
                bytes += s.length();
            } else if (v instanceof InvalidUtf8Text t) {
                bytes += t.bytes().length;
            } else {
                bytes += 8;
            }
        }
        return bytes;
    }

    /** The value with its SQLite storage class: Long, Double, String, InvalidUtf8Text, byte[] or null. */
    private Object value(ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof String) {
            // The driver's String has already replaced bad bytes; decode the raw bytes strictly instead.
            byte[] raw = rs.getBytes(index);
            try {
                return utf8.decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                return new InvalidUtf8Text(raw);
            }
        }
        return value;
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // read-only connection: closing cannot lose anything
        } finally {
            connection = null;
        }
    }

    static String describeKey(Object[] key) {
        if (key == null) {
            return "(start)";
        }
        return List.of(key).toString();
    }

    /** Bytes of the values handed out so far by {@link #next()}, as {@link #bytes} weighs them: what a chunk holds is measured by it. */
    public long bytesDelivered() {
        return bytesDelivered;
    }
}
