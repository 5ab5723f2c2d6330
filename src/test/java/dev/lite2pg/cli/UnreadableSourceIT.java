package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A source SQLite cannot read (not a database, empty, a damaged header, held under a lock by another process) is
 * refused by {@code cutover} and {@code check} alike, exit 2, naming the file and why, before anything is written to
 * the target; and a path is a path, never a URL whose {@code ?} opens another file.
 */
@ExtendWith(TestDatabaseExtension.class)
class UnreadableSourceIT {

    private static final String MIGRATION = "CREATE TABLE t (id integer PRIMARY KEY, v text);\n";

    private static TestDatabase db;

    @TempDir
    Path work;

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("text", "is not a SQLite database", (Content) f -> Files.writeString(f, "id,v\n1,a\n")),
                Arguments.of("random", "is not a SQLite database", (Content) f -> Files.write(f, random())),
                Arguments.of("empty", "is empty (0 bytes)", (Content) f -> Files.write(f, new byte[0])),
                Arguments.of("damaged", "is not a SQLite database", (Content) f -> {
                    sqlite(f, 1, "a");
                    byte[] bytes = Files.readAllBytes(f);
                    bytes[0] = 'X';
                    Files.write(f, bytes);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void aSourceThatIsNotADatabaseIsRefusedByCutoverAndCheckBeforeAnythingIsWritten(
            String kind, String reason, Content content) throws Exception {
        Path source = work.resolve(kind + ".sqlite");
        content.write(source);
        Path job = job(kind, source);

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(2);
        assertThat(cutover.err())
                .contains("source database " + source + " " + reason)
                .contains("Nothing was written");
        assertThat(cutover.out()).doesNotContain("PASS");
        assertNothingWritten(kind);

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString());
        assertThat(check.exitCode()).as(check.all()).isEqualTo(2);
        assertThat(check.err()).contains("source database " + source + " " + reason);
    }

    @Test
    void aSourceHeldUnderALockByAnotherProcessIsRefusedNamingItAndCopiedOnceTheLockIsGone() throws Exception {
        Path source = work.resolve("locked.sqlite");
        sqlite(source, 3, "a");
        Path job = job("locked", source);

        try (SqliteLockHolder holder = SqliteLockHolder.lock(source)) {
            CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());
            assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(2);
            assertThat(cutover.err())
                    .contains("another process holds a lock on " + source)
                    .contains("SQLITE_BUSY")
                    .contains(holder.pid() + " (")
                    .contains("Nothing was written");
            assertNothingWritten("locked");

            CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString());
            assertThat(check.exitCode()).as(check.all()).isEqualTo(2);
            assertThat(check.err())
                    .contains("another process holds a lock on " + source)
                    .contains(holder.pid() + " (");
        }

        CliRun unlocked = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(unlocked.exitCode()).as(unlocked.all()).isZero();
        assertThat(db.rows("SELECT count(*), string_agg(v, '' ORDER BY id) FROM locked.t"))
                .containsExactly(List.of("3", "aaa"));
    }

    @Test
    void aSourcePathWithAQuestionMarkIsThatFileNotTheOneBeforeTheQuestionMark() throws Exception {
        sqlite(work.resolve("app.sqlite"), 1, "wrong file");
        Path source = work.resolve("app.sqlite?synchronous=off");
        Path made = work.resolve("made.sqlite");
        sqlite(made, 2, "right file");
        Files.move(made, source);
        Path job = job("questioned", source);

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        assertThat(db.rows("SELECT id, v FROM questioned.t ORDER BY id"))
                .containsExactly(List.of("1", "right file"), List.of("2", "right file"));
    }

    private static void assertNothingWritten(String schema) throws Exception {
        assertThat(db.rows("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'"))
                .as("no application table was created, let alone filled")
                .containsExactly(List.of("0"));
        if (!db.rows("SELECT to_regclass('lite2pg.batch_job_execution') IS NOT NULL")
                .equals(List.of(List.of("t")))) {
            return;
        }
        assertThat(db.rows("SELECT count(*) FROM lite2pg.batch_job_execution e JOIN lite2pg.batch_job_instance i"
                        + " USING (job_instance_id) WHERE i.job_name = '" + schema + "'"))
                .as("no run of the job was recorded, let alone COMPLETED")
                .containsExactly(List.of("0"));
    }

    /** A real SQLite database whose table t holds {@code rows} rows of {@code value}. */
    private static void sqlite(Path file, int rows, String value) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            for (int i = 1; i <= rows; i++) {
                st.execute("INSERT INTO t VALUES (" + i + ", '" + value + "')");
            }
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[16384];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    /** The job is named after its target schema, so each test's rows and runs are its own. */
    private Path job(String name, Path source) throws Exception {
        Path sql = JobFile.migration(work.resolve("sql"), MIGRATION);
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(name)
                .migrations(sql)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }

    interface Content {
        void write(Path file) throws Exception;
    }
}
