package dev.lite2pg.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.check.ScanResult.ProblemGroup;
import dev.lite2pg.check.ScanResult.TableScan;
import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.model.TargetType;
import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.sqlite.SqliteSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The scan over a SQLite file written here with one bad value of every kind the copy refuses, plus many of one kind and
 * a table large enough to be read in several ranges at once. The target schema is a hand-built catalog: the scan
 * needs no PostgreSQL. Every expected key, value and reason is written out by hand.
 */
class SourceScannerTest {

    @TempDir
    Path work;

    private Path source;

    private static final int MANY = 30;
    private static final int BIG = 25_000;

    @BeforeEach
    void writeSource() throws Exception {
        source = work.resolve("shop.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
            st.executeUpdate("INSERT INTO author VALUES (1, 'Le Guin'), (2, 'Lem')");
            // Declared without types, so SQLite keeps every value exactly as written.
            st.executeUpdate(
                    "CREATE TABLE book (id INTEGER PRIMARY KEY, author_id, title, in_print, published, meta, copies, code, note)");
            st.executeUpdate("INSERT INTO book VALUES"
                    + " (1, 1, 'The Dispossessed', 1, '2024-02-29', '{\"a\": 1}', 2147483647, 'ten chars!', 'fine'),"
                    + " (2, 1, 'Two', 2, NULL, NULL, NULL, NULL, NULL),"
                    + " (3, 1, 'Three', NULL, '2024-02-30', NULL, NULL, NULL, NULL),"
                    + " (4, 1, 'Four', NULL, NULL, '{\"a\": 1', NULL, NULL, NULL),"
                    + " (5, 1, 'Five', NULL, NULL, NULL, 2147483648, NULL, NULL),"
                    + " (6, 1, 'Six', NULL, NULL, NULL, NULL, 'eleven chars', NULL),"
                    + " (7, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                    + " (8, 99, 'Eight', NULL, NULL, NULL, NULL, NULL, NULL),"
                    + " (9, 2, 'Nine', NULL, NULL, NULL, NULL, NULL, CAST(X'41FF' AS TEXT)),"
                    + " (10, 2, 'Ten', NULL, NULL, NULL, NULL, NULL, 'a' || char(0) || 'b'),"
                    + " (11, NULL, 'Eleven', 'maybe', NULL, NULL, NULL, 'far too long for ten', NULL)");
            // Many bad values of one kind: more than the examples kept in memory, every one in the file.
            st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + MANY + ")"
                    + " INSERT INTO book (id, author_id, title, in_print) SELECT 100 + i, 2, 'many', 5 FROM n");
            // A WITHOUT ROWID table named by a text key holding a comma, a quote and a line break.
            st.executeUpdate("CREATE TABLE tag (label TEXT PRIMARY KEY, weight) WITHOUT ROWID");
            st.executeUpdate("INSERT INTO tag VALUES ('plain', 1), ('a,\"b\"\nc', 'heavy')");
            // Large enough to be read in two rowid ranges at once; a bad value every 1,000 rows, on both sides of the
            // split.
            st.executeUpdate("CREATE TABLE reading (id INTEGER PRIMARY KEY, value)");
            st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + BIG + ")"
                    + " INSERT INTO reading SELECT i, CASE WHEN i % 1000 = 0 THEN 'x' || i ELSE i END FROM n");
        }
    }

    private static TargetColumn column(String name, TargetType type, boolean notNull) {
        return new TargetColumn(name, type, notNull, false, false);
    }

    private static TargetColumn column(String name, String baseName) {
        return column(name, TargetType.of(baseName), false);
    }

    private static final TargetForeignKey BOOK_AUTHOR = new TargetForeignKey(
            "book_author_fk",
            "book",
            List.of("author_id"),
            "author",
            List.of("id"),
            "FOREIGN KEY (author_id) REFERENCES author(id)");

    private static List<TargetTable> target() {
        TargetType varchar10 = new TargetType("character varying(10)", "varchar", 10, -1, -1, false, false, null);
        return List.of(
                new TargetTable("author", List.of(column("id", "int4"), column("name", "text")), List.of()),
                new TargetTable(
                        "book",
                        List.of(
                                column("id", "int4"),
                                column("author_id", "int4"),
                                column("title", TargetType.of("text"), true),
                                column("in_print", "bool"),
                                column("published", "date"),
                                column("meta", "jsonb"),
                                column("copies", "int4"),
                                column("code", varchar10, false),
                                column("note", "text")),
                        List.of(BOOK_AUTHOR)),
                new TargetTable("tag", List.of(column("label", "text"), column("weight", "int4")), List.of()),
                new TargetTable("reading", List.of(column("id", "int8"), column("value", "int8")), List.of()));
    }

    private ScanResult scan(int parallelism, List<TableScan> reported) {
        List<dev.lite2pg.model.SourceTable> tables;
        try (SqliteSource sqlite = SqliteSource.open(source)) {
            tables = sqlite.tables();
        }
        CopyPlan plan = CopyPlan.build(
                tables,
                target(),
                "public",
                MappingSpec.defaults(),
                ConversionOptions.DEFAULTS,
                CopyPlan.Unmapped.REFUSE);
        return new SourceScanner(source, plan.copies(), plan.foreignKeys(), parallelism)
                .scan(work.resolve("out").resolve("bad-values.csv"), reported::add);
    }

    @Test
    void everyBadValueOfEveryKindIsReportedWithItsTableRowColumnValueAndReason() {
        ScanResult result = scan(3, new CopyOnWriteArrayList<>());

        assertBad(
                result,
                "book",
                "id=2",
                "in_print",
                "INTEGER 2",
                "not a boolean: expected 0/1, t/f, true/false (target type bool)");
        assertBad(
                result,
                "book",
                "id=3",
                "published",
                "TEXT '2024-02-30'",
                "2024-02-30 is not a valid date (target type date)");
        assertBad(result, "book", "id=4", "meta", "TEXT '{\"a\": 1'", "invalid JSON");
        assertBad(
                result,
                "book",
                "id=5",
                "copies",
                "INTEGER 2147483648",
                "value 2147483648 is out of range for integer (target type int4)");
        assertBad(
                result,
                "book",
                "id=6",
                "code",
                "TEXT 'eleven chars'",
                "length 12 exceeds varchar(10) (target type character varying(10))");
        assertBad(result, "book", "id=7", "title", "NULL", "NULL into NOT NULL column book.title");
        assertBad(
                result,
                "book",
                "id=8",
                "author_id",
                "INTEGER 99",
                "no author row has id = this value (foreign key book_author_fk of book)");
        assertBad(result, "book", "id=9", "note", "TEXT (invalid UTF-8, 2 bytes)", "invalid UTF-8 (target type text)");
        assertBad(result, "book", "id=10", "note", "TEXT 'a\\u{0}b'", "contains a NUL byte (target type text)");
        assertBad(result, "book", "id=11", "in_print", "TEXT 'maybe'", "not a boolean");
        assertBad(result, "book", "id=11", "code", "TEXT 'far too long for ten'", "length 20 exceeds varchar(10)");
        assertBad(result, "tag", "label='a,\"b\"\nc'", "weight", "TEXT 'heavy'", "not an integer");
        assertThat(result.orphans()).containsExactly(Map.entry("book.book_author_fk", 1L));
        assertThat(result.referenceProblems())
                .extracting(ProblemGroup::table, ProblemGroup::column, ProblemGroup::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("book", "author_id", 1L));
        assertThat(result.valueProblems()).noneMatch(g -> g.kind().contains("foreign key"));
    }

    @Test
    void allAreCountedAndListedNotJustTheFirstOnesWhateverTheThreadsAndRanges() throws Exception {
        List<TableScan> reported = new CopyOnWriteArrayList<>();
        ScanResult result = scan(3, reported);

        // book: 11 rows by hand, one of them (id=11) with two bad values, plus MANY with a boolean 5.
        assertThat(result.tables())
                .extracting(TableScan::source, TableScan::rowsScanned, TableScan::badValues, TableScan::badRows)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("author", 2L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("book", 11L + MANY, 10L + MANY, 9L + MANY),
                        org.assertj.core.groups.Tuple.tuple(
                                "reading", (long) BIG, (long) BIG / 1000, (long) BIG / 1000),
                        org.assertj.core.groups.Tuple.tuple("tag", 2L, 1L, 1L));
        assertThat(reported)
                .extracting(TableScan::source)
                .containsExactlyInAnyOrder("author", "book", "reading", "tag");

        ProblemGroup booleans = group(result, "book", "in_print", "not a boolean");
        assertThat(booleans.count()).as("id=2, id=11 and the many").isEqualTo(2 + MANY);
        assertThat(booleans.examples()).hasSize(ScanResult.EXAMPLES_PER_GROUP);
        ProblemGroup readings = group(result, "reading", "value", "not an integer");
        assertThat(readings.count()).isEqualTo(BIG / 1000);
        assertThat(result.problemCount()).isEqualTo(10 + MANY + 1 + BIG / 1000 + 1);

        List<List<String>> lines = csv(result.badValuesFile());
        assertThat(lines).hasSize((int) result.problemCount());
        List<String> readingKeys = lines.stream()
                .filter(l -> l.get(0).equals("reading"))
                .map(l -> l.get(1))
                .toList();
        List<String> expectedKeys = new ArrayList<>();
        for (int i = 1000; i <= BIG; i += 1000) {
            expectedKeys.add("id=" + i);
        }
        assertThat(readingKeys)
                .as("every bad reading, on both sides of the range split")
                .containsExactlyInAnyOrderElementsOf(expectedKeys);
        assertThat(lines.stream()
                        .filter(l -> l.get(0).equals("book") && l.get(2).equals("in_print"))
                        .count())
                .isEqualTo(2 + MANY);
        assertThat(lines)
                .contains(List.of(
                        "tag",
                        "label='a,\"b\"\nc'",
                        "weight",
                        "TEXT 'heavy'",
                        "not an integer: expected an optional sign and digits only (target type int4)"));
    }

    @Test
    void theSameProblemsAreFoundOnOneThreadAndTheSourceIsNotModified() {
        String before = SourceFingerprint.sha256(source);
        ScanResult parallel = scan(4, new CopyOnWriteArrayList<>());
        ScanResult single = scan(1, new CopyOnWriteArrayList<>());

        assertThat(single.tables()).isEqualTo(parallel.tables());
        assertThat(single.problems())
                .extracting(ProblemGroup::table, ProblemGroup::column, ProblemGroup::kind, ProblemGroup::count)
                .isEqualTo(parallel.problems().stream()
                        .map(g -> org.assertj.core.groups.Tuple.tuple(g.table(), g.column(), g.kind(), g.count()))
                        .toList());
        assertThat(SourceFingerprint.sha256(source)).isEqualTo(before);
    }

    @Test
    void aCleanSourceHasNoProblemAndLeavesNoFile() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM book WHERE id > 1");
            st.executeUpdate("DELETE FROM tag WHERE weight = 'heavy'");
            st.executeUpdate("DELETE FROM reading WHERE id % 1000 = 0");
        }
        ScanResult result = scan(2, new CopyOnWriteArrayList<>());

        assertThat(result.hasProblems()).as(result.problems().toString()).isFalse();
        assertThat(result.badValuesFile()).isNull();
        assertThat(work.resolve("out").resolve("bad-values.csv")).doesNotExist();
        assertThat(result.orphans()).containsExactly(Map.entry("book.book_author_fk", 0L));
        assertThat(result.rowsScanned()).isEqualTo(2 + 1 + 1 + BIG - BIG / 1000);
    }

    private static void assertBad(
            ScanResult result, String table, String rowKey, String column, String value, String reason) {
        List<RowRefusal> found = result.problems().stream()
                .filter(g -> g.table().equals(table) && g.column().equals(column))
                .flatMap(g -> g.examples().stream())
                .filter(b -> b.rowKey().equals(rowKey))
                .toList();
        assertThat(found)
                .as(table + " " + rowKey + " " + column + " in " + result.problems())
                .hasSize(1);
        assertThat(found.get(0).value()).isEqualTo(value);
        assertThat(found.get(0).reason()).contains(reason);
    }

    private static ProblemGroup group(ScanResult result, String table, String column, String kind) {
        return result.problems().stream()
                .filter(g -> g.table().equals(table)
                        && g.column().equals(column)
                        && g.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no group " + table + "." + column + " " + kind + " in " + result.problems()));
    }

    /** The file read back with a CSV parser: what a spreadsheet or a script would see. */
    private static List<List<String>> csv(Path file) throws Exception {
        CsvMapper mapper = CsvMapper.builder().build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it =
                mapper.readerFor(Map.class).with(schema).readValues(file.toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                assertThat(row.keySet()).containsExactly("table", "row_key", "column", "value", "reason");
                rows.add(List.of(
                        row.get("table"), row.get("row_key"), row.get("column"), row.get("value"), row.get("reason")));
            }
        }
        return rows;
    }
}
