package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.check.CheckReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lite2pg check} from the command line: against an embedded PostgreSQL when the job file names no target, and
 * in a scratch database on the test server when it does; in both cases the source file keeps its exact bytes and the
 * target database never receives a table.
 */
@ExtendWith(TestDatabaseExtension.class)
class CheckCommandIT {

    private static final String SECRET = "check-secret-42";

    @TempDir
    Path work;

    private static final String MIGRATION = """
            CREATE TABLE author (id integer PRIMARY KEY, name text NOT NULL);
            CREATE TABLE book (
                id integer PRIMARY KEY,
                author_id integer CONSTRAINT book_author_fk REFERENCES author (id),
                in_print boolean,
                published date,
                meta jsonb,
                copies integer,
                code varchar(10),
                note text
            );
            """;

    /** One bad value of every kind, each in its own row of book (ids 2-10), and an author without a name. */
    private Path dirtySource() throws Exception {
        Path source = work.resolve("books.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)",
                    "INSERT INTO author VALUES (1, 'Le Guin'), (2, NULL)",
                    "CREATE TABLE book (id INTEGER PRIMARY KEY, author_id, in_print, published, meta, copies, code, note)",
                    "INSERT INTO book VALUES (1, 1, 1, '2024-02-29', '{\"a\": 1}', 7, 'ten chars!', 'fine'),"
                            + " (2, 1, 2, NULL, NULL, NULL, NULL, NULL),"
                            + " (3, 1, NULL, '2024-02-30', NULL, NULL, NULL, NULL),"
                            + " (4, 1, NULL, NULL, '{\"a\": 1', NULL, NULL, NULL),"
                            + " (5, 1, NULL, NULL, NULL, 2147483648, NULL, NULL),"
                            + " (6, 1, NULL, NULL, NULL, NULL, 'eleven chars', NULL),"
                            + " (7, 99, NULL, NULL, NULL, NULL, NULL, NULL),"
                            + " (8, 1, NULL, NULL, NULL, NULL, NULL, CAST(X'41FF' AS TEXT)),"
                            + " (9, 1, NULL, NULL, NULL, NULL, NULL, 'a' || char(0) || 'b')");
        }
        return source;
    }

    /** Each expected finding: the console line naming its row holds table, column, value and reason. */
    private static final List<List<String>> EXPECTED = List.of(
            List.of("author id=2, column name: NULL", "NULL into NOT NULL column author.name"),
            List.of("book id=2, column in_print: INTEGER 2", "not a boolean"),
            List.of("book id=3, column published: TEXT '2024-02-30'", "2024-02-30 is not a valid date"),
            List.of("book id=4, column meta: TEXT '{\"a\": 1'", "invalid JSON"),
            List.of("book id=5, column copies: INTEGER 2147483648", "out of range for integer"),
            List.of("book id=6, column code: TEXT 'eleven chars'", "length 12 exceeds varchar(10)"),
            List.of(
                    "book id=7, column author_id: INTEGER 99",
                    "no author row has id = this value (foreign key book_author_fk of book)"),
            List.of("book id=8, column note: TEXT (invalid UTF-8, 2 bytes)", "invalid UTF-8"),
            List.of("book id=9, column note: TEXT 'a\\u{0}b'", "contains a NUL byte"));

    @Test
    void withoutATargetSectionTheSchemaIsBuiltInAnEmbeddedPostgresqlAndEveryBadValueIsListed() throws Exception {
        Path source = dirtySource();
        String before = SourceFingerprint.sha256(source);
        Path job = job("books", source, null);

        CliRun run = CliRun.of(Map.of(), "check", "--job", job.toString(), "--parallel", "2");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.out()).contains("embedded PostgreSQL").contains("check FAIL");
        for (List<String> finding : EXPECTED) {
            String line = run.out()
                    .lines()
                    .filter(l -> l.contains(finding.get(0)))
                    .findFirst()
                    .orElse("");
            assertThat(line)
                    .as("the line for " + finding.get(0) + " in:\n" + run.out())
                    .contains(finding.get(1));
        }
        assertThat(run.out()).doesNotContain("id=1,");
        assertThat(SourceFingerprint.sha256(source))
                .as("the source file is not modified")
                .isEqualTo(before);

        Path folder = onlyCheckFolder("books");
        CheckReport report = CheckReport.read(folder.resolve("check.json"));
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.sourceSha256()).isEqualTo(before);
        assertThat(List.of(report.rowsScanned(), report.badValues(), report.badRows(), report.orphanReferences()))
                .as("rows, bad values, bad rows, orphans")
                .containsExactly(11L, 8L, 8L, 1L);
        assertThat(report.orphans()).containsExactly(Map.entry("book.book_author_fk", 1L));
        assertThat(report.target()).contains("embedded PostgreSQL");
        List<String> csv = Files.readAllLines(folder.resolve("bad-values.csv"));
        assertThat(csv).hasSize(1 + EXPECTED.size());
        assertThat(csv.get(0)).isEqualTo("table,row_key,column,value,reason");
        assertThat(Path.of(report.badValuesFile())).isEqualTo(folder.resolve("bad-values.csv"));
    }

    @Test
    void withATargetServerTheSchemaIsBuiltInAScratchDatabaseThatIsDroppedAndTheTargetIsNeverTouched(TestDatabase db)
            throws Exception {
        Path source = dirtySource();
        String before = SourceFingerprint.sha256(source);
        Path job = job("books", source, db);
        List<String> scratchBefore = scratchDatabases(db);

        CliRun dirty = CliRun.of(environment(db), "check", "--job", job.toString());

        assertThat(dirty.exitCode()).as(dirty.all()).isEqualTo(3);
        assertThat(dirty.out()).contains("scratch database lite2pg_check_").contains("scratch database dropped");
        for (List<String> finding : EXPECTED) {
            assertThat(dirty.out()).contains(finding.get(0));
        }
        assertThat(scratchDatabases(db)).as("the scratch database is dropped").isEqualTo(scratchBefore);
        assertThat(tablesIn(db)).as("nothing is created in the target database").isZero();
        assertThat(dirty.all()).doesNotContain(SECRET);

        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("DELETE FROM book WHERE id > 1", "UPDATE author SET name = 'Lem' WHERE id = 2");
        }
        String fixed = SourceFingerprint.sha256(source);
        CliRun clean = CliRun.of(environment(db), "check", "--job", job.toString(), "--parallel", "1");

        assertThat(clean.exitCode()).as(clean.all()).isZero();
        assertThat(clean.out()).contains("check PASS").contains("3 rows read, converted and loaded");
        assertThat(scratchDatabases(db)).isEqualTo(scratchBefore);
        assertThat(tablesIn(db)).isZero();
        assertThat(SourceFingerprint.sha256(source)).isEqualTo(fixed).isNotEqualTo(before);
        assertNoFileUnder(work.resolve("runs"), SECRET);
    }

    @Test
    void aUserWithoutCreatedbIsToldSoAndNothingIsCreated(TestDatabase db) throws Exception {
        Path source = dirtySource();
        String role = "lite2pg_no_createdb_" + db.name().substring(db.name().length() - 8);
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD '" + SECRET + "'");
        }
        try {
            Path job = job("books", source, db);
            CliRun run = CliRun.of(
                    Map.of("LITE2PG_TARGET_PASSWORD", SECRET), "check", "--job", job.toString(), "--target-user", role);

            assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
            assertThat(run.err())
                    .contains("user " + role + " may not create databases")
                    .contains("CREATEDB")
                    .contains("embedded PostgreSQL");
            assertThat(run.all()).doesNotContain(SECRET);
            assertThat(tablesIn(db)).isZero();
        } finally {
            try (Connection c = db.connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP ROLE " + role);
            }
        }
    }

    private static final String STRICT_MIGRATION = """
            CREATE TYPE trade_side AS ENUM ('BUY', 'SELL');
            CREATE DOMAIN quantity AS integer CHECK (VALUE > 0);
            CREATE TABLE stock (id integer PRIMARY KEY, ticker text NOT NULL UNIQUE, name text);
            CREATE UNIQUE INDEX stock_name_ci ON stock (lower(name));
            CREATE TABLE trade (
                id integer PRIMARY KEY,
                stock_id integer CONSTRAINT trade_stock_fk REFERENCES stock (id),
                at timestamptz NOT NULL CONSTRAINT trade_at_key UNIQUE,
                side trade_side NOT NULL,
                qty quantity,
                status text CONSTRAINT trade_status_check CHECK (status IN ('OPEN', 'CANCELLED'))
            );
            CREATE TABLE venue (id integer PRIMARY KEY, code text CONSTRAINT venue_code_key UNIQUE DEFERRABLE INITIALLY DEFERRED);
            """;

    /**
     * Every value converts, and SQLite had none of these constraints: only PostgreSQL refuses these rows. Trade 7
     * refers to stock 2, which PostgreSQL refuses: it is not refused itself (orphans are the scan's, on the source).
     */
    private Path strictSource() throws Exception {
        Path source = work.resolve("trades.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE stock (id INTEGER PRIMARY KEY, ticker TEXT, name TEXT)",
                    "INSERT INTO stock VALUES (1, 'ACME', 'Acme'), (2, 'ACME', 'Acme Two'), (3, 'BETA', 'ACME'),"
                            + " (4, 'GAMA', 'Gamma')",
                    "CREATE TABLE trade (id INTEGER PRIMARY KEY, stock_id, at, side, qty, status)",
                    "INSERT INTO trade VALUES (1, 1, '2024-01-01 12:00:00+00:00', 'BUY', 5, 'OPEN'),"
                            + " (2, 1, '2024-01-01 09:00:00-03:00', 'SELL', 1, 'OPEN'),"
                            + " (3, 4, '2024-01-02 00:00:00Z', 'buy', 1, 'OPEN'),"
                            + " (4, 4, '2024-01-03 00:00:00Z', 'SELL', 0, 'OPEN'),"
                            + " (5, 4, '2024-01-04 00:00:00Z', 'SELL', 1, 'cancelled'),"
                            + " (6, 4, '2024-01-05 00:00:00Z', 'SELL', 1, 'CANCELLED'),"
                            + " (7, 2, '2024-01-06 00:00:00Z', 'BUY', 1, 'OPEN')",
                    "CREATE TABLE venue (id INTEGER PRIMARY KEY, code TEXT)",
                    "INSERT INTO venue VALUES (1, 'X'), (2, 'Y'), (3, 'X'), (4, 'Z')");
        }
        return source;
    }

    /** Each row PostgreSQL refuses: the console line naming its row holds column, value and PostgreSQL's reason. */
    private static final List<List<String>> REFUSED_BY_POSTGRES = List.of(
            List.of(
                    "stock id=2, column ticker: TEXT 'ACME'",
                    "duplicate key value violates unique constraint \"stock_ticker_key\"",
                    "Key (ticker)=(ACME) already exists",
                    "it duplicates stock id=1"),
            List.of(
                    "stock id=3, column lower(name): acme",
                    "duplicate key value violates unique constraint \"stock_name_ci\"",
                    "Key (lower(name))=(acme) already exists"),
            List.of(
                    "trade id=2, column at: TEXT '2024-01-01 09:00:00-03:00'",
                    "duplicate key value violates unique constraint \"trade_at_key\"",
                    "Key (at)=(2024-01-01 12:00:00+00) already exists",
                    "it duplicates trade id=1"),
            List.of("trade id=3, column side: TEXT 'buy'", "invalid input value for enum trade_side: \"buy\""),
            List.of("trade id=4, column qty: INTEGER 0", "value for domain quantity violates check constraint"),
            List.of("trade id=5, column (row): (row)", "violates check constraint \"trade_status_check\""),
            // Checked at the end of each COPY, where PostgreSQL names no line: found by halving the rows.
            List.of(
                    "venue id=3, column code: TEXT 'X'",
                    "duplicate key value violates unique constraint \"venue_code_key\"",
                    "it duplicates venue id=1"));

    @Test
    void checkFindsEveryRowPostgresqlWouldRefuseUniqueCheckEnumAndDomainAndNamesEach(TestDatabase db) throws Exception {
        Path job = strictJob(db);
        List<String> scratchBefore = scratchDatabases(db);

        CliRun run = CliRun.of(environment(db), "check", "--job", job.toString(), "--parallel", "2");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.out()).contains("check FAIL");
        for (List<String> finding : REFUSED_BY_POSTGRES) {
            String line = run.out()
                    .lines()
                    .filter(l -> l.contains(finding.get(0)))
                    .findFirst()
                    .orElse("");
            assertThat(line)
                    .as("the line for " + finding.get(0) + " in:\n" + run.out())
                    .contains("refused by PostgreSQL")
                    .contains(finding.subList(1, finding.size()));
        }
        for (String good : List.of(
                "stock id=1,",
                "stock id=4,",
                "trade id=1,",
                "trade id=6,",
                "trade id=7,",
                "venue id=1,",
                "venue id=4,")) {
            assertThat(run.out()).as("a row PostgreSQL takes").doesNotContain(good);
        }

        CheckReport report = CheckReport.read(onlyCheckFolder("trades").resolve("check.json"));
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(List.of(report.rowsScanned(), report.badValues(), report.badRows(), report.orphanReferences()))
                .as("rows, bad values, bad rows, orphans")
                .containsExactly(15L, 7L, 7L, 0L);
        List<String> csv = Files.readAllLines(Path.of(report.badValuesFile()));
        assertThat(csv).hasSize(1 + REFUSED_BY_POSTGRES.size());
        assertThat(csv.stream().filter(l -> l.startsWith("trade,id=5,")).findFirst())
                .hasValueSatisfying(l -> assertThat(l).contains("trade_status_check"));
        assertThat(scratchDatabases(db)).as("the scratch database is dropped").isEqualTo(scratchBefore);
        assertThat(tablesIn(db)).as("nothing is created in the target database").isZero();
    }

    @Test
    void withNoLoadTheRowsOnlyPostgresqlRefusesAreNotLookedForAndAWarningSaysSo(TestDatabase db) throws Exception {
        Path job = strictJob(db);

        CliRun run = CliRun.of(environment(db), "check", "--job", job.toString(), "--no-load");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("check PASS WITH WARNINGS")
                .contains("(--no-load)")
                .contains("were not looked for")
                .doesNotContain("refused by PostgreSQL");
        CheckReport report = CheckReport.read(onlyCheckFolder("trades").resolve("check.json"));
        assertThat(report.verdict()).isEqualTo(Verdict.PASS_WITH_WARNINGS);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("--no-load"));
        assertThat(report.badValues()).isZero();
        assertThat(tablesIn(db)).isZero();
    }

    /** The job of {@link #strictSource()}, its scratch database on {@code db}; offsets converted to UTC. */
    private Path strictJob(TestDatabase db) throws Exception {
        Path sql = JobFile.migration(work.resolve("strict-sql"), STRICT_MIGRATION);
        return JobFile.named("trades")
                .source(strictSource())
                .migrations(sql)
                .output(work.resolve("runs"))
                .target(db)
                .extra("conversions:\n  offsets: utc\n")
                .writeTo(work.resolve("trades.yml"));
    }

    private static Map<String, String> environment(TestDatabase db) {
        return db.password() == null ? Map.of("LITE2PG_TARGET_PASSWORD", SECRET) : db.environment();
    }

    /** A job file writing into {@code db}, or one without a target when it is null. */
    private Path job(String name, Path source, TestDatabase db) throws Exception {
        Path sql = JobFile.migration(work.resolve("sql"), MIGRATION);
        JobFile job = JobFile.named(name).source(source).migrations(sql).output(work.resolve("runs"));
        return (db == null ? job : job.target(db)).writeTo(work.resolve(name + ".yml"));
    }

    private Path onlyCheckFolder(String job) throws Exception {
        try (Stream<Path> folders = Files.list(work.resolve("runs").resolve(job))) {
            List<Path> checks = folders.filter(f -> f.getFileName().toString().startsWith("check-"))
                    .toList();
            assertThat(checks).hasSize(1);
            return checks.get(0);
        }
    }

    private static List<String> scratchDatabases(TestDatabase db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE 'lite2pg\\_check\\_%' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long tablesIn(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertNoFileUnder(Path folder, String secret) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secret);
            }
        }
    }
}
