package dev.lite2pg.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.SqliteTableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up's row comparison on its edges, in SQLite alone: two files, a base and a changed copy of it, planned as the
 * cutover plans them, read as {@link TableDelta} reads them (the new file with the base attached for changed and new
 * rows, the base with the new one attached for deleted ones), and exactly which keys come back.
 */
class TableDiffTest {

    private static final ReadBudget BUDGET = new ReadBudget(1 << 20, 1 << 20);
    /** Small, so that every read below crosses pages with the condition applied on each. */
    private static final int PAGE_ROWS = 3;

    @TempDir
    Path dir;

    /** One row per edge; {@code label} names it, so a failure lists edges rather than ids. */
    private static final String EDGE_TABLE =
            "CREATE TABLE edge (id INTEGER PRIMARY KEY, label TEXT NOT NULL, untyped, nocase TEXT COLLATE NOCASE,"
                    + " real REAL)";

    /** A value set in the base, then set again in the new snapshot; both as SQL expressions. */
    private record Edge(String label, String column, String before, String after) {}

    private static final List<Edge> CHANGED = List.of(
            new Edge("integer 1 to real 1.0", "untyped", "1", "1.0"),
            new Edge("text '1' to integer 1", "untyped", "'1'", "1"),
            new Edge("'a' to 'A' in a NOCASE column", "nocase", "'a'", "'A'"),
            new Edge("NULL to ''", "untyped", "NULL", "''"),
            new Edge("'' to NULL", "untyped", "''", "NULL"),
            new Edge("'' to an empty blob", "untyped", "''", "X''"),
            new Edge("text to a blob of the same bytes", "untyped", "'abc'", "X'616263'"),
            new Edge("bytes after a NUL inside text", "untyped", "'a' || char(0) || 'b'", "'a' || char(0) || 'c'"),
            new Edge("a NUL appended to text", "untyped", "'a'", "'a' || char(0)"),
            new Edge("invalid UTF-8 bytes changed", "untyped", "CAST(X'61FF62' AS TEXT)", "CAST(X'61FE62' AS TEXT)"),
            new Edge("2^63 - 1 to 2^63 - 2", "untyped", "9223372036854775807", "9223372036854775806"),
            new Edge("-2^63 to -2^63 + 1", "untyped", "-9223372036854775807 - 1", "-9223372036854775807"),
            new Edge("a real changed in its 17th significant digit", "real", "0.1", "0.10000000000000002"),
            new Edge("JSON whose only change is whitespace", "untyped", "'{\"a\":[1,2]}'", "'{\"a\": [1, 2]}'"),
            new Edge(
                    "a leap-day timestamp changed by a microsecond",
                    "untyped",
                    "'2024-02-29 23:59:59.999999'",
                    "'2024-02-29 23:59:59.999998'"),
            // Without affinity SQLite keeps a real's sign bit (see zeroKeepsItsSignOnlyWithoutAffinity), and the copy
            // writes -0.0 as "-0.0" (ShortestDecimal), so the change reaches the target.
            new Edge("0.0 to -0.0 in a column without affinity", "untyped", "0.0", "-0.0"));

    private static final List<Edge> UNCHANGED = List.of(
            new Edge("the same integer", "untyped", "42", "42"),
            new Edge("the same real", "untyped", "1.5", "1.5"),
            new Edge("the same text", "untyped", "'héllo'", "'héllo'"),
            new Edge("the same blob", "untyped", "X'00FF10'", "X'00FF10'"),
            new Edge("the same empty blob", "untyped", "X''", "X''"),
            new Edge("the same empty text", "untyped", "''", "''"),
            new Edge("NULL stays NULL", "untyped", "NULL", "NULL"),
            new Edge("the same 'A' in a NOCASE column", "nocase", "'A'", "'A'"),
            new Edge("the same NUL inside text", "untyped", "'a' || char(0) || 'b'", "'a' || char(0) || 'b'"),
            new Edge("the same invalid UTF-8", "untyped", "CAST(X'61FF62' AS TEXT)", "CAST(X'61FF62' AS TEXT)"),
            new Edge("the same 2^63 - 1", "untyped", "9223372036854775807", "9223372036854775807"),
            // REAL affinity turns the integer 1 into the real 1.0 before storing it: SQLite stores the same thing.
            new Edge("integer 1 to real 1.0 in a REAL column", "real", "1", "1.0"),
            // REAL affinity stores an integral real as an integer on disk, -0.0 as 0: it reads back as +0.0 both times
            // (see zeroKeepsItsSignOnlyWithoutAffinity), so nothing changed.
            new Edge("-0.0 to 0.0 in a REAL column", "real", "-0.0", "0.0"));

    @Test
    void everyChangeOfStorageClassBytesOrDigitsIsAChangeAndNothingElseIs() throws Exception {
        List<String> statements = new ArrayList<>(List.of(EDGE_TABLE));
        Stream.concat(CHANGED.stream(), UNCHANGED.stream())
                .forEach(e -> statements.add("INSERT INTO edge (label, " + e.column() + ") VALUES ("
                        + literal(e.label()) + ", " + e.before() + ")"));
        Path base = sqlite("base.sqlite", statements.toArray(String[]::new));
        // Every row is written again, the unchanged ones with the very value they hold.
        Path now = changed(
                base,
                "now.sqlite",
                Stream.concat(CHANGED.stream(), UNCHANGED.stream())
                        .map(e -> "UPDATE edge SET " + e.column() + " = " + e.after() + " WHERE label = "
                                + literal(e.label()))
                        .toArray(String[]::new));
        // SQLite's decimal parsing is not what is under test: the two reals must be neighbours, 0.1 and the next up.
        assertThat(value(base, "SELECT real FROM edge WHERE label LIKE 'a real changed%'"))
                .isEqualTo(0.1);
        assertThat(value(now, "SELECT real FROM edge WHERE label LIKE 'a real changed%'"))
                .isEqualTo(Math.nextUp(0.1));
        TableDiff diff = diff(now, "edge");

        int label = diff.copy().sourceColumns().indexOf("label");
        assertThat(rows(diff.copy(), now, base, diff.changedOrNew()).stream().map(row -> row.values()[label]))
                .containsExactlyElementsOf(CHANGED.stream().map(Edge::label).toList());
        assertThat(gone(diff, base, now)).isEmpty();
    }

    @Test
    void zeroKeepsItsSignOnlyWithoutAffinity() throws Exception {
        Path file = sqlite("zero.sqlite", "CREATE TABLE z (untyped, real REAL)", "INSERT INTO z VALUES (-0.0, -0.0)");
        // Both are reals to SQLite and equal to each other and to 0.0 (IEEE), but only the column without affinity
        // kept the sign: REAL affinity stored the integral value as the integer 0.
        assertThat(value(file, "SELECT typeof(untyped) || ' ' || typeof(real) FROM z"))
                .isEqualTo("real real");
        assertThat(value(file, "SELECT untyped = 0.0 AND real = 0.0 AND untyped IS real FROM z"))
                .isEqualTo(1);
        assertThat(1 / (Double) value(file, "SELECT untyped FROM z")).isNegative();
        assertThat(1 / (Double) value(file, "SELECT real FROM z")).isPositive();
    }

    @Test
    void anIntegerPrimaryKeyThatChangesIsADeletedRowAndANewOne() throws Exception {
        Path base = sqlite(
                "base.sqlite",
                EDGE_TABLE,
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)"
                        + " INSERT INTO edge (id, label) SELECT i, 'row ' || i FROM n");
        Path now = changed(
                base,
                "now.sqlite",
                "UPDATE edge SET id = 1000 WHERE id = 5",
                "UPDATE edge SET untyped = 1 WHERE id = 7",
                "DELETE FROM edge WHERE id IN (2, 9)",
                "INSERT INTO edge (id, label) VALUES (11, 'new')");
        TableDiff diff = diff(now, "edge");

        assertThat(diff.keyColumns()).containsExactly("id");
        assertThat(read(diff, now, base, diff.changedOrNew()))
                .containsExactly(List.of(7L), List.of(11L), List.of(1000L));
        assertThat(gone(diff, base, now)).containsExactly(List.of(2L), List.of(5L), List.of(9L));
    }

    @Test
    void aCompositeKeyIsComparedByEveryPartAndByStorageClass() throws Exception {
        Path base = sqlite(
                "base.sqlite",
                "CREATE TABLE pair (a, b TEXT, v, PRIMARY KEY (a, b))",
                "INSERT INTO pair VALUES (1, 'x', 'v'), (1, 'y', 'v'), (2, 'x', 'v'), (3, 'x', 'v'), (4, 'x', 'v'),"
                        + " (5, 'x', 'v')");
        Path now = changed(
                base,
                "now.sqlite",
                "UPDATE pair SET v = 'w' WHERE a = 1 AND b = 'y'",
                // SQLite finds 2.0 = 2, but the key is not the same value: copied into a text key it is another row.
                "UPDATE pair SET a = 2.0 WHERE a = 2",
                "UPDATE pair SET a = '3' WHERE a = 3",
                "UPDATE pair SET b = 'X' WHERE a = 4",
                "DELETE FROM pair WHERE a = 5",
                "INSERT INTO pair VALUES (1, 'z', 'v')");
        TableDiff diff = diff(now, "pair");

        assertThat(diff.keyColumns()).containsExactly("a", "b");
        assertThat(read(diff, now, base, diff.changedOrNew()))
                .containsExactly(
                        List.of(1L, "y"), List.of(2.0, "x"), List.of("3", "x"), List.of(4L, "X"), List.of(1L, "z"));
        assertThat(gone(diff, base, now))
                .containsExactly(List.of(2L, "x"), List.of(3L, "x"), List.of(4L, "x"), List.of(5L, "x"));
    }

    @Test
    void aTextKeyThatChangesOnlyUnderItsOwnCollationIsADeletedRowAndANewOne() throws Exception {
        Path base = sqlite(
                "base.sqlite",
                "CREATE TABLE tag (code TEXT PRIMARY KEY COLLATE NOCASE, label TEXT) WITHOUT ROWID",
                "CREATE TABLE padded (code TEXT PRIMARY KEY COLLATE RTRIM, label TEXT) WITHOUT ROWID",
                "INSERT INTO tag VALUES ('a', 'x'), ('b', 'x'), ('c', 'x'), ('d', 'x'), ('k', 'x')",
                "INSERT INTO padded VALUES ('a', 'x'), ('k', 'x')");
        Path now = changed(
                base,
                "now.sqlite",
                "UPDATE tag SET label = 'y' WHERE code = 'a'",
                // The same key to SQLite, another one to PostgreSQL's text key: the target must lose 'b' and gain 'B'.
                "UPDATE tag SET code = 'B' WHERE code = 'b'",
                "DELETE FROM tag WHERE code = 'c'",
                "INSERT INTO tag VALUES ('e', 'x')",
                "UPDATE padded SET code = 'k ' WHERE code = 'k'");
        TableDiff tag = diff(now, "tag");
        TableDiff padded = diff(now, "padded");

        assertThat(read(tag, now, base, tag.changedOrNew())).containsExactly(List.of("a"), List.of("B"), List.of("e"));
        assertThat(gone(tag, base, now)).containsExactly(List.of("b"), List.of("c"));
        assertThat(read(padded, now, base, padded.changedOrNew())).containsExactly(List.of("k "));
        assertThat(gone(padded, base, now)).containsExactly(List.of("k"));
    }

    @Test
    void reservedMixedCaseAndQuotedNamesAndAColumnCalledRowid() throws Exception {
        Path base = sqlite(
                "base.sqlite",
                "CREATE TABLE \"order\" (\"select\" INTEGER PRIMARY KEY, \"from\" TEXT, \"rowid\" TEXT,"
                        + " \"Say \"\"Hi\"\"\" TEXT)",
                "CREATE TABLE \"Group By\" (\"Key Part\" TEXT, \"where\" INTEGER, \"rowid\" INTEGER, \"oid\" TEXT,"
                        + " PRIMARY KEY (\"Key Part\", \"where\"))",
                // The name the other file is attached under, as a table name.
                "CREATE TABLE other (\"other\" INTEGER PRIMARY KEY, \"lite2pg other row\" TEXT)",
                "INSERT INTO \"order\" VALUES (1, 'a', 'r1', 'q'), (2, 'b', 'r2', 'q'), (3, 'c', 'r3', 'q')",
                "INSERT INTO \"Group By\" VALUES ('k', 1, 10, 'o'), ('k', 2, 20, 'o'), ('K', 1, 30, 'o')",
                "INSERT INTO other VALUES (1, 'x'), (2, 'x')");
        Path now = changed(
                base,
                "now.sqlite",
                "UPDATE \"order\" SET \"rowid\" = 'changed' WHERE \"select\" = 1",
                "UPDATE \"order\" SET \"Say \"\"Hi\"\"\" = 'Q' WHERE \"select\" = 3",
                "UPDATE \"Group By\" SET \"rowid\" = 21 WHERE \"where\" = 2",
                "UPDATE \"Group By\" SET \"oid\" = 'O' WHERE \"Key Part\" = 'K'",
                "UPDATE other SET \"lite2pg other row\" = 'y' WHERE \"other\" = 2",
                "DELETE FROM other WHERE \"other\" = 1");

        TableDiff order = diff(now, "order");
        assertThat(read(order, now, base, order.changedOrNew())).containsExactly(List.of(1L), List.of(3L));
        assertThat(gone(order, base, now)).isEmpty();
        TableDiff groupBy = diff(now, "Group By");
        assertThat(read(groupBy, now, base, groupBy.changedOrNew()))
                .containsExactly(List.of("k", 2L), List.of("K", 1L));
        assertThat(gone(groupBy, base, now)).isEmpty();
        TableDiff other = diff(now, "other");
        assertThat(read(other, now, base, other.changedOrNew())).containsExactly(List.of(2L));
        assertThat(gone(other, base, now)).containsExactly(List.of(1L));
    }

    @Test
    void aTableWithoutAPrimaryKeyHasNoDiff() throws Exception {
        Path file = sqlite("keyless.sqlite", "CREATE TABLE note (body TEXT, n INTEGER UNIQUE)");
        assertThat(TableDiff.of(Snapshots.copy(file, "note", Map.of()))).isEmpty();
    }

    @Test
    void neitherFileIsWrittenByEitherRead() throws Exception {
        Path base = sqlite(
                "base.sqlite",
                EDGE_TABLE,
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)"
                        + " INSERT INTO edge (id, label, untyped) SELECT i, 'row ' || i, randomblob(64) FROM n");
        Path now = changed(
                base, "now.sqlite", "UPDATE edge SET untyped = 1 WHERE id % 10 = 0", "DELETE FROM edge WHERE id = 3");
        Map<String, String> before = files();
        TableDiff diff = diff(now, "edge");

        assertThat(read(diff, now, base, diff.changedOrNew())).hasSize(5);
        assertThat(gone(diff, base, now)).containsExactly(List.of(3L));
        // Same names (no journal, write-ahead log or shared-memory file left behind) and the same bytes.
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void aLargeTableHandsOnlyItsChangedRowsToJava() throws Exception {
        int rows = 100_000;
        Path base = sqlite(
                "base.sqlite",
                "CREATE TABLE big (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL, payload BLOB, note)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ")"
                        + " INSERT INTO big SELECT i, 'name ' || i, i / 7.0, randomblob(32), NULL FROM n");
        Path now = changed(
                base,
                "now.sqlite",
                "UPDATE big SET score = score + 1e-9 WHERE id % 10000 = 1",
                "DELETE FROM big WHERE id IN (50000, 50002)");
        TableDiff diff = diff(now, "big");

        long start = System.nanoTime();
        List<List<Object>> changed = read(diff, now, base, diff.changedOrNew());
        long changedMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        List<List<Object>> gone = gone(diff, base, now);
        long goneMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "TableDiffTest: %,d rows, %d changed read in %d ms, %d deleted read in %d ms%n",
                rows, changed.size(), changedMillis, gone.size(), goneMillis);

        assertThat(changed)
                .containsExactlyElementsOf(Stream.iterate(1L, id -> id < rows, id -> id + 10_000)
                        .map(id -> List.<Object>of(id))
                        .toList())
                .hasSize(10);
        assertThat(gone).containsExactly(List.of(50_000L), List.of(50_002L));
    }

    /** The keys (primary key values, in key column order) of the rows {@code file} holds under {@code condition}. */
    /**
     * The keys catch-up deletes, as {@link TableDelta} finds them: the base's rows that differ from the new snapshot's,
     * less the keys among the new snapshot's differing rows (those were updated).
     */
    private static List<List<Object>> gone(TableDiff diff, Path base, Path now) {
        List<List<Object>> written = read(diff, now, base, diff.changedOrNew());
        return read(diff, base, now, diff.changedOrNew()).stream()
                .filter(key -> !written.contains(key))
                .toList();
    }

    private static List<List<Object>> read(TableDiff diff, Path file, Path other, String condition) {
        TableCopy copy = diff.copy();
        List<Integer> keyIndexes =
                diff.keyColumns().stream().map(copy.sourceColumns()::indexOf).toList();
        List<List<Object>> keys = new ArrayList<>();
        for (SourceRow row : rows(copy, file, other, condition)) {
            keys.add(keyIndexes.stream().map(i -> row.values()[i]).toList());
        }
        return keys;
    }

    private static List<SourceRow> rows(TableCopy copy, Path file, Path other, String condition) {
        List<SourceRow> rows = new ArrayList<>();
        try (SqliteTableReader reader = new SqliteTableReader(
                        file, copy.source(), copy.sourceColumns(), PAGE_ROWS, BUDGET)
                .comparedWith(other, condition)) {
            reader.open();
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static TableDiff diff(Path file, String table) {
        return TableDiff.of(Snapshots.copy(file, table, Map.of())).orElseThrow();
    }

    private Path sqlite(String name, String... statements) throws Exception {
        return Snapshots.sqlite(dir.resolve(name), statements);
    }

    private Path changed(Path base, String name, String... statements) throws Exception {
        return Snapshots.changed(base, dir.resolve(name), statements);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static Object value(Path file, String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    /** Every file in the folder, by name, with its sha256. */
    private Map<String, String> files() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(
                        p.getFileName().toString(),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return files;
    }
}
