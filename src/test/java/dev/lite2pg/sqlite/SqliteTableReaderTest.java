package dev.lite2pg.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.model.InvalidUtf8Text;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.source.OversizedValue;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTableReaderTest {

    private static final ReadBudget BUDGET = new ReadBudget(1 << 20, 1 << 20);

    @TempDir
    Path dir;

    private Path database(String... statements) throws Exception {
        Path file = dir.resolve("source.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        return file;
    }

    private static SourceTable table(Path file, String name) {
        try (SqliteSource source = SqliteSource.open(file)) {
            return source.tables().stream()
                    .filter(t -> t.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static List<SourceRow> readAll(SqliteTableReader reader) {
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow row; (row = reader.next()) != null; ) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void readsEveryRowInRowidOrderAcrossPagesWithStorageClassesKept() throws Exception {
        Path file = database(
                "CREATE TABLE t (a, b)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25) INSERT INTO t SELECT i, 'v' || i FROM n",
                "UPDATE t SET a = 1.5 WHERE rowid = 2",
                "UPDATE t SET a = X'00FF' WHERE rowid = 3",
                "UPDATE t SET a = NULL WHERE rowid = 4");
        SqliteTableReader reader = new SqliteTableReader(file, table(file, "t"), List.of("a", "b"), 7, BUDGET);
        reader.open();
        List<SourceRow> rows = readAll(reader);
        reader.close();
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).values()).containsExactly(1L, "v1");
        assertThat(rows.get(1).values()[0]).isEqualTo(1.5d);
        assertThat((byte[]) rows.get(2).values()[0]).containsExactly(0x00, 0xFF);
        assertThat(rows.get(3).values()[0]).isNull();
        assertThat(rows.get(24).key()).containsExactly(25L);
    }

    @Test
    void readsFromAfterItsStartKeyUpToItsEndKeyAcrossPagesWithoutRepeatingOrSkippingARow() throws Exception {
        Path file = database(
                "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) INSERT INTO t SELECT i * 10, 'x' FROM n");
        SourceTable t = table(file, "t");

        SqliteTableReader middle = new SqliteTableReader(file, t, List.of("id"), 3, BUDGET);
        middle.open(new Object[] {40L}, new Object[] {90L});
        List<SourceRow> rows = readAll(middle);
        middle.close();
        assertThat(rows).extracting(r -> r.values()[0]).containsExactly(50L, 60L, 70L, 80L, 90L);
        assertThat(middle.bytesDelivered())
                .as("nothing read past the end key is handed over")
                .isEqualTo(5 * 8);

        SqliteTableReader rest = new SqliteTableReader(file, t, List.of("id"), 3, BUDGET);
        rest.open(new Object[] {45L}, null);
        assertThat(readAll(rest)).extracting(r -> r.values()[0]).containsExactly(50L, 60L, 70L, 80L, 90L, 100L);
        rest.close();
    }

    @Test
    void readsEachRowidRangeOfATableOnceWithTheBoundaryRowInTheFirstOfThem() throws Exception {
        Path file = database(
                "CREATE TABLE t (v)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) INSERT INTO t SELECT i FROM n");
        SourceTable t = table(file, "t");
        List<RowidRange> parts;
        try (SqliteSource source = SqliteSource.open(file)) {
            parts = RowidRange.parts(source.connection(), t, 2);
        }
        assertThat(parts).containsExactly(new RowidRange(null, 12_500L), new RowidRange(12_500L, null));

        List<List<SourceRow>> read = new ArrayList<>();
        for (RowidRange part : parts) {
            SqliteTableReader reader = new SqliteTableReader(file, t, List.of("v"), 1000, BUDGET);
            reader.open(part);
            read.add(readAll(reader));
            reader.close();
        }
        assertThat(read.get(0)).hasSize(12_500);
        assertThat(read.get(0).get(12_499).key()).containsExactly(12_500L);
        assertThat(read.get(1)).hasSize(12_500);
        assertThat(read.get(1).get(0).key()).containsExactly(12_501L);
    }

    @Test
    void endsAWithoutRowidTableAtItsCompositeEndKey() throws Exception {
        Path file = database(
                "CREATE TABLE line (o INTEGER, n INTEGER, q TEXT, PRIMARY KEY (o, n)) WITHOUT ROWID",
                "INSERT INTO line VALUES (2, 1, 'c'), (1, 2, 'b'), (1, 1, 'a'), (3, 1, 'e'), (2, 2, 'd')");
        SqliteTableReader reader = new SqliteTableReader(file, table(file, "line"), List.of("q"), 1, BUDGET);
        reader.open(new Object[] {1L, 1L}, new Object[] {2L, 2L});
        List<SourceRow> rows = readAll(reader);
        reader.close();
        assertThat(rows).extracting(r -> r.values()[0]).containsExactly("b", "c", "d");
    }

    @Test
    void pagesAWithoutRowidTableByItsCompositePrimaryKey() throws Exception {
        Path file = database(
                "CREATE TABLE line (o INTEGER, n INTEGER, q TEXT, PRIMARY KEY (o, n)) WITHOUT ROWID",
                "INSERT INTO line VALUES (2, 1, 'c'), (1, 2, 'b'), (1, 1, 'a'), (3, 1, 'e'), (2, 2, 'd')");
        SqliteTableReader reader = new SqliteTableReader(file, table(file, "line"), List.of("q"), 2, BUDGET);
        reader.open();
        List<SourceRow> rows = readAll(reader);
        reader.close();
        assertThat(rows).extracting(r -> r.values()[0]).containsExactly("a", "b", "c", "d", "e");
        assertThat(rows.get(2).key()).containsExactly(2L, 1L);
    }

    @Test
    void handsOverInvalidUtf8AsRawBytesInsteadOfAReplacedString() throws Exception {
        Path file = database(
                "CREATE TABLE t (v TEXT)",
                "INSERT INTO t VALUES (CAST(X'41FF42' AS TEXT)), ('ok'), ('a' || char(0) || 'b')");
        SqliteTableReader reader = new SqliteTableReader(file, table(file, "t"), List.of("v"), 10, BUDGET);
        reader.open();
        List<SourceRow> rows = readAll(reader);
        reader.close();
        assertThat(rows.get(0).values()[0]).isInstanceOf(InvalidUtf8Text.class);
        assertThat(((InvalidUtf8Text) rows.get(0).values()[0]).bytes()).containsExactly(0x41, 0xFF, 0x42);
        assertThat(rows.get(1).values()[0]).isEqualTo("ok");
        assertThat(rows.get(2).values()[0]).isEqualTo("a\u0000b");
    }

    @Test
    void reachesTheRowidThroughAnAliasWhenAColumnIsCalledRowid() throws Exception {
        Path file = database("CREATE TABLE t (rowid TEXT, v)", "INSERT INTO t VALUES ('r1', 1), ('r2', 2)");
        SourceTable t = table(file, "t");
        assertThat(SqliteSql.rowidAlias(t)).isEqualTo("_rowid_");
        SqliteTableReader reader = new SqliteTableReader(file, t, List.of("rowid", "v"), 1, BUDGET);
        reader.open();
        List<SourceRow> rows = readAll(reader);
        reader.close();
        assertThat(rows).extracting(r -> r.values()[0]).containsExactly("r1", "r2");
    }

    @Test
    void endsAPageAtItsByteBudgetAndStillReadsEveryRowOnce() throws Exception {
        Path file = database(
                "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) INSERT INTO t SELECT i, randomblob(400) FROM n");
        // Pages of 100 rows, but 1,000 bytes: three rows each.
        SqliteTableReader reader =
                new SqliteTableReader(file, table(file, "t"), List.of("id", "b"), 100, new ReadBudget(1 << 20, 1000));
        reader.open();
        List<SourceRow> rows = readAll(reader);
        reader.close();
        assertThat(rows).extracting(r -> r.values()[0]).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(reader.bytesDelivered()).isEqualTo(10 * (400 + 8));
    }

    @Test
    void measuresAValueOverTheLimitInSqliteAndHandsOverItsSizeInsteadOfIt() throws Exception {
        Path file = database(
                "CREATE TABLE t (a INTEGER, b INTEGER, body, note TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID",
                "INSERT INTO t VALUES (1, 1, zeroblob(50), 'ok'), (1, 2, zeroblob(5000), printf('%.*c', 3000, 'x')), (2, 1, 'small', 'ok')");
        ReadBudget budget = new ReadBudget(1000, 1 << 20);
        SqliteTableReader reader = new SqliteTableReader(file, table(file, "t"), List.of("body", "note"), 10, budget);
        reader.open();
        List<SourceRow> rows = readAll(reader);
        reader.close();
        assertThat(rows).hasSize(3);
        assertThat((byte[]) rows.get(0).values()[0]).hasSize(50);
        assertThat(rows.get(1).key()).containsExactly(1L, 2L);
        assertThat(rows.get(1).values())
                .containsExactly(
                        new OversizedValue("BLOB", 5000, budget.oversizedReason(5000)),
                        new OversizedValue("TEXT", 3000, budget.oversizedReason(3000)));
        assertThat(rows.get(1).values()[0]).hasToString("BLOB (5,000 bytes, not read)");
        assertThat(budget.oversizedReason(5000))
                .startsWith("value of 5,000 bytes is larger than the 1,000 bytes a value may have");
        assertThat(rows.get(2).values()).containsExactly("small", "ok");
    }

    @Test
    void leavesOutGeneratedColumnsWhichSqliteComputesOnReadAndDoesNotStore() throws Exception {
        // A VIRTUAL column is computed on every read: reading it as data could cost any amount of memory (here 100 MB).
        Path file = database(
                "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT,"
                        + " huge BLOB GENERATED ALWAYS AS (zeroblob(100000000)) VIRTUAL, len INTEGER AS (length(v)) STORED, w)",
                "INSERT INTO t (id, v, w) VALUES (1, 'abc', 2)");
        SourceTable t = table(file, "t");
        assertThat(t.columns()).extracting(c -> c.name()).containsExactly("id", "v", "w");
        assertThat(t.generatedColumns()).containsExactly("huge", "len");
    }

    @Test
    void reachesTheRowidThroughAnAliasWhenAGeneratedColumnIsCalledRowid() throws Exception {
        Path file = database("CREATE TABLE t (v, rowid AS (v * 100))", "INSERT INTO t (v) VALUES (1), (2)");
        SourceTable t = table(file, "t");
        SqliteTableReader reader = new SqliteTableReader(file, t, List.of("v"), 1, BUDGET);
        reader.open();
        List<SourceRow> rows = readAll(reader);
        reader.close();
        assertThat(rows).extracting(r -> r.key()[0]).containsExactly(1L, 2L);
    }

    @Test
    void neverListsViewsVirtualTablesOrSqliteBookkeepingAsTables() throws Exception {
        Path file = database(
                "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, x)",
                "INSERT INTO a (x) VALUES (1)",
                "CREATE VIEW v AS SELECT * FROM a",
                "CREATE VIRTUAL TABLE f USING fts5(body)",
                "ANALYZE");
        try (SqliteSource source = SqliteSource.open(file)) {
            assertThat(source.tables()).extracting(SourceTable::name).containsExactly("a");
            assertThat(source.sequenceHighWaterMarks()).containsEntry("a", 1L);
        }
    }
}
