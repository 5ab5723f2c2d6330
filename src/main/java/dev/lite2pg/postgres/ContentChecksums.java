package dev.lite2pg.postgres;

import dev.lite2pg.checksum.CopyTextRow;
import dev.lite2pg.checksum.RowHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * The SQL of the content check of one table: a scratch table shaped like the target's copied columns, loaded with
 * COPY, so the source rows go through the same input functions as the target's, and both hashed row by row the
 * same way. Works inside the caller's transaction on one connection; the scratch table is a temporary table that
 * disappears with the transaction.
 */
public final class ContentChecksums {

    private static final String SCRATCH_NAME = PgSql.quote("lite2pg_content_check");
    /** Qualified with pg_temp so that no application table of the same name on the search_path can be meant. */
    private static final String SCRATCH = "pg_temp." + SCRATCH_NAME;

    private static final int SHOWN_TEXT = 120;

    /**
     * Types whose values are equal exactly when their output texts are, so a row can be hashed from its values without
     * the output functions (jsonb's is most of a checksum's time) and without missing a difference. jsonb is the one
     * approximation: two numbers that differ only in trailing zeros (1.5, 1.50) are the same JSON value to it.
     */
    private static final Set<String> HASHED_BY_VALUE = Set.of(
            "smallint",
            "integer",
            "bigint",
            "boolean",
            "date",
            "timestamp without time zone",
            "timestamp with time zone",
            "time without time zone",
            "uuid",
            "bytea",
            "jsonb");
    /** hash_record_extended, which hashes a row field by field with each type's own hash function. */
    private static final int RECORD_HASH_SINCE = 14;
    /** TID range scans: a range of pages is read without reading the rest of the table. */
    private static final int TID_RANGE_SINCE = 14;
    /**
     * The output settings {@link #storedChecksum} reads under, for this transaction only: the forms {@link RowHash}
     * reads (ISO dates, instants in UTC, hex bytea), and floats printed exactly (shortest round-trip since 12).
     */
    private static final List<String> OUTPUT_SETTINGS = List.of(
            "SET LOCAL TimeZone TO 'UTC'",
            "SET LOCAL DateStyle TO 'ISO, YMD'",
            "SET LOCAL IntervalStyle TO 'postgres'",
            "SET LOCAL extra_float_digits TO 3",
            "SET LOCAL bytea_output TO 'hex'");

    private final Connection connection;
    private final String qualified;
    private final String target;
    private final List<String> columns;
    private final String rowText;
    private final String rowHash;
    private final List<String> keyColumns;

    /**
     * @param columns the target columns the copy wrote; only these are compared
     * @param types their types as PostgreSQL prints them ({@code format_type})
     * @param keyColumns the columns that name a differing row (the primary key), or empty to name it by its values
     */
    public ContentChecksums(
            Connection connection,
            String schema,
            String table,
            List<String> columns,
            List<String> types,
            List<String> keyColumns)
            throws SQLException {
        this.connection = connection;
        this.qualified = PgSql.qualified(schema, table);
        this.target = "ONLY " + qualified;
        this.columns = List.copyOf(columns);
        this.rowText = "ROW(" + PgSql.columnList(columns) + ")::text";
        this.rowHash = rowHash(columns, types, connection.getMetaData().getDatabaseMajorVersion());
        this.keyColumns = List.copyOf(keyColumns);
    }

    /**
     * A 64-bit hash of a row: of its values where their type allows ({@link #HASHED_BY_VALUE}), of their output text
     * byte for byte otherwise (COLLATE "C": a case-insensitive collation must not hide a difference).
     */
    static String rowHash(List<String> columns, List<String> types, int serverMajorVersion) {
        if (serverMajorVersion < RECORD_HASH_SINCE) {
            return "hashtextextended(ROW(" + PgSql.columnList(columns) + ")::text, 0)";
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = PgSql.quote(columns.get(i));
            boolean byValue = HASHED_BY_VALUE.contains(types.get(i).replaceAll("\\(\\d+\\)", ""));
            fields.add(byValue ? column : column + "::text COLLATE \"C\"");
        }
        return "hash_record_extended(ROW(" + String.join(", ", fields) + "), 0)";
    }

    /**
     * Count and checksum of a multiset of rows: the sum, wrapping at 64 bits, of a 64-bit hash of each row.
     * A sum does not depend on row order, counts duplicates, and adds up over parts of a table.
     */
    public record Checksum(long rows, long sum) {

        public static final Checksum NONE = new Checksum(0, 0);
        /** Marks a recorded digest of a checksum computed from rows' text ({@link RowHash}), not by PostgreSQL. */
        public static final String TEXT_DIGEST = "text:";

        public Checksum plus(Checksum other) {
            return new Checksum(rows + other.rows, sum + other.sum);
        }

        public Checksum minus(Checksum other) {
            return new Checksum(rows - other.rows, sum - other.sum);
        }

        public String digest() {
            return String.format("%016x", sum);
        }

        public static boolean isTextDigest(String digest) {
            return digest.startsWith(TEXT_DIGEST);
        }
    }

    /**
     * How one key differs.
     *
     * @param key the key as PostgreSQL prints it, e.g. {@code id=3}, or the row's text for a table without a key
     * @param missingFromTarget source rows with this key and these values that the target lacks
     * @param extraInTarget target rows with this key and these values that the source lacks
     */
    /**
     * @param columns for a key on both sides, the copied columns whose values differ, in table order; else empty
     */
    public record Difference(String key, long missingFromTarget, long extraInTarget, List<String> columns) {

        public Difference {
            columns = List.copyOf(columns);
        }

        public Difference(String key, long missingFromTarget, long extraInTarget) {
            this(key, missingFromTarget, extraInTarget, List.of());
        }
    }

    /**
     * Creates the scratch table from the target's own column definitions (types, typmods, domains), so the source
     * rows are parsed exactly as the target parses them. It has none of the target's triggers: a trigger that
     * rewrites copied values shows as a difference.
     */
    public void createScratch() throws SQLException {
        execute("CREATE TEMPORARY TABLE " + SCRATCH_NAME + " ON COMMIT DROP AS SELECT " + PgSql.columnList(columns)
                + " FROM " + target + " WITH NO DATA");
    }

    /** Starts a COPY into the scratch table; write whole rows in COPY text format, then {@link ScratchLoad#finish()}. */
    public ScratchLoad loadScratch() throws SQLException {
        return new ScratchLoad(connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + SCRATCH + " (" + PgSql.columnList(columns) + ") FROM STDIN"));
    }

    /** A COPY into the scratch table in progress; closing it unfinished cancels it. */
    public static final class ScratchLoad implements AutoCloseable {

        private final CopyIn in;

        private ScratchLoad(CopyIn in) {
            this.in = in;
        }

        public void write(byte[] rows, int length) throws SQLException {
            in.writeToCopy(rows, 0, length);
        }

        public void finish() throws SQLException {
            in.endCopy();
        }

        @Override
        public void close() throws SQLException {
            // pgjdbc's rule: a COPY left active locks the connection for every later statement.
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * Loads the scratch table from JSON objects shaped like target rows (as {@code to_json} of a target row writes
     * them), through the same input functions.
     *
     * @param selectJson a query whose single column is the JSON
     */
    public void loadScratchFromJson(QuarantineTable.Select rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + SCRATCH + " ("
                + PgSql.columnList(columns)
                + ") SELECT " + columns.stream().map(c -> "r." + PgSql.quote(c)).collect(Collectors.joining(", "))
                + " FROM (" + rows.sql() + ") q(j), json_populate_record(NULL::" + SCRATCH + ", q.j) r")) {
            for (int i = 0; i < rows.parameters().size(); i++) {
                ps.setString(i + 1, rows.parameters().get(i));
            }
            ps.execute();
        }
    }

    public Checksum scratchChecksum() throws SQLException {
        return checksum(SCRATCH);
    }

    public Checksum targetChecksum() throws SQLException {
        return checksum(target);
    }

    private Checksum checksum(String from) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(" + rowHash + "), 0) FROM " + from)) {
            rs.next();
            // The low 64 bits of the exact sum: what a wrapping sum of the same hashes gives, part by part.
            return new Checksum(
                    rs.getLong(1), rs.getBigDecimal(2).toBigIntegerExact().longValue());
        }
    }

    /**
     * The table's pages in ranges that together cover it, for {@link #storedChecksum} to read at once; one range (the
     * whole table) before PostgreSQL 14 or for a table smaller than {@code parts * minPages}.
     *
     * @return each range's first page and the page after its last, -1 for the last range (up to the table's end)
     */
    public List<long[]> pageRanges(int parts, long minPages) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() < TID_RANGE_SINCE || parts < 2) {
            return List.<long[]>of(new long[] {0, -1});
        }
        long pages;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT pg_relation_size(?::regclass) / current_setting('block_size')::bigint")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                pages = rs.getLong(1);
            }
        }
        int n = (int) Math.max(1, Math.min(parts, pages / Math.max(1, minPages)));
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ranges.add(new long[] {pages * i / n, i == n - 1 ? -1 : pages * (i + 1) / n});
        }
        return ranges;
    }

    /**
     * Count and checksum of the rows PostgreSQL stored in pages {@code fromPage} to {@code toPage} (exclusive; -1: to
     * the end), computed in Java from their text ({@code COPY ... TO STDOUT}) with {@link RowHash}, as the copy computed
     * the rows it sent. Sets this transaction's output settings first.
     */
    public Checksum storedChecksum(RowHash hash, long fromPage, long toPage) throws SQLException {
        for (String setting : OUTPUT_SETTINGS) {
            execute(setting);
        }
        String pages = fromPage == 0 && toPage < 0
                ? ""
                : " WHERE ctid >= '(" + fromPage + ",0)'::tid"
                        + (toPage < 0 ? "" : " AND ctid < '(" + toPage + ",0)'::tid");
        CopyOut out = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyOut("COPY (SELECT " + PgSql.columnList(columns) + " FROM " + target + pages + ") TO STDOUT");
        CopyTextRow row = new CopyTextRow(columns.size());
        long rows = 0;
        long sum = 0;
        try {
            // One CopyData message per row: PostgreSQL sends each row of a COPY TO on its own.
            for (byte[] line = out.readFromCopy(); line != null; line = out.readFromCopy()) {
                sum += hash.of(row.split(line, line.length));
                rows++;
            }
        } finally {
            // pgjdbc's rule: a COPY left active locks the connection for every later statement.
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        return new Checksum(rows, sum);
    }

    /**
     * The first differing keys in key order, found with EXCEPT ALL both ways over (key, row text): a key on both
     * sides has different values, a key on one side only is a missing or extra row, and duplicate rows count.
     */
    public List<Difference> differences(int limit) throws SQLException {
        List<String> keys = IntStream.rangeClosed(1, Math.max(1, keyColumns.size()))
                .mapToObj(i -> "k" + i)
                .toList();
        String keyList = String.join(", ", keys);
        String select = keyColumns.isEmpty()
                ? "SELECT " + rowText + " AS k1 FROM "
                : "SELECT "
                        + IntStream.range(0, keyColumns.size())
                                .mapToObj(i -> PgSql.quote(keyColumns.get(i)) + " AS " + keys.get(i))
                                .collect(Collectors.joining(", "))
                        + ", " + rowText + " AS r FROM ";
        String sql = "WITH s AS (" + select + SCRATCH + "), t AS (" + select + target + "),"
                + " missing AS (SELECT " + keyList
                + ", count(*) AS n FROM (SELECT * FROM s EXCEPT ALL SELECT * FROM t) d GROUP BY " + keyList + "),"
                + " extra AS (SELECT " + keyList
                + ", count(*) AS n FROM (SELECT * FROM t EXCEPT ALL SELECT * FROM s) d GROUP BY " + keyList + ")"
                + " SELECT " + keys.stream().map(k -> k + "::text").collect(Collectors.joining(", "))
                + ", coalesce(missing.n, 0), coalesce(extra.n, 0)"
                + " FROM missing FULL JOIN extra USING (" + keyList + ") ORDER BY " + keyList + " LIMIT ?";
        List<Difference> differences = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long missing = rs.getLong(keys.size() + 1);
                    long extra = rs.getLong(keys.size() + 2);
                    differences.add(new Difference(
                            describeKey(rs),
                            missing,
                            extra,
                            missing > 0 && extra > 0 ? differingColumns(keyValues(rs)) : List.of()));
                }
            }
        }
        return differences;
    }

    private List<String> keyValues(ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= keyColumns.size(); i++) {
            values.add(rs.getString(i));
        }
        return values;
    }

    /**
     * The copied columns whose values differ between the source row and the target row with this key: "values
     * differ" alone leaves the operator comparing every column by eye. Compared as text, as the row text is (json has
     * no equality operator); at most one query per named row.
     */
    private List<String> differingColumns(List<String> key) throws SQLException {
        String differing = columns.stream()
                // Byte for byte: a column's own collation may call 'Gadget' and 'GADGET' equal, the row text does not.
                .map(c -> "CASE WHEN s." + PgSql.quote(c) + "::text COLLATE \"C\" IS DISTINCT FROM t." + PgSql.quote(c)
                        + "::text COLLATE \"C\" THEN " + PgSql.literal(c) + " END")
                .collect(Collectors.joining(", "));
        String sameKey = keyColumns.stream()
                .map(k -> "s." + PgSql.quote(k) + "::text = ? AND t." + PgSql.quote(k) + "::text = ?")
                .collect(Collectors.joining(" AND "));
        try (PreparedStatement ps = connection.prepareStatement("SELECT concat_ws(chr(31), " + differing + ") FROM "
                + SCRATCH + " s, " + target + " t WHERE " + sameKey + " LIMIT 1")) {
            for (int i = 0; i < key.size(); i++) {
                ps.setString(2 * i + 1, key.get(i));
                ps.setString(2 * i + 2, key.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && !rs.getString(1).isEmpty()
                        ? List.of(rs.getString(1).split("\u001F"))
                        : List.of();
            }
        }
    }

    private String describeKey(ResultSet rs) throws SQLException {
        if (keyColumns.isEmpty()) {
            return "row " + shortened(rs.getString(1));
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            parts.add(keyColumns.get(i) + "=" + shortened(rs.getString(i + 1)));
        }
        return String.join(", ", parts);
    }

    /** A key or a whole row can be a long text or a blob; a report line only needs enough to find it. */
    private static String shortened(String text) {
        if (text == null) {
            return "NULL";
        }
        return text.length() <= SHOWN_TEXT ? text : text.substring(0, SHOWN_TEXT) + "...";
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
